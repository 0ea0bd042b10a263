/** The boundaries between Chairside's modules as ArchUnit rules, which each module checks on its own classes. */
package com.chairside.testsupport.architecture;
