package com.chairside.account.demo.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import com.chairside.account.demo.PracticeDemo;

import io.swagger.v3.oas.annotations.media.Schema;

/** A demo as {@link DemoView} shows it, with the name of the practice it is for. */
public record PracticeDemoView(@JsonUnwrapped DemoView demo,
		@Schema(description = "The account's name: the practice the demo is for") String practiceName) {

	static PracticeDemoView of(PracticeDemo demo) {
		return new PracticeDemoView(DemoView.of(demo.demo()), demo.practiceName());
	}

}
