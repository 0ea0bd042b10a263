package com.chairside.account.demo;

/** A demo and the name of the practice (the account) it is for. */
public record PracticeDemo(Demo demo, String practiceName) {

}
