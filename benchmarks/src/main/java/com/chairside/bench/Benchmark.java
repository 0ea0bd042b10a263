package com.chairside.bench;

import java.util.List;

/** One benchmark: starts what it needs, measures suite and baseline rounds interleaved, stops everything. */
interface Benchmark {

	String name();

	/** Usually one result; end-to-end also yields footprint, which it measures on the same processes. */
	List<Result> run(Settings settings) throws Exception;

}
