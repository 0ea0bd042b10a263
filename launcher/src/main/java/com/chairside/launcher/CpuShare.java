package com.chairside.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How a part shares the machine's cores with the others. Each part runs in a session of its own; where Linux shares
 * the CPU between sessions before it shares it between their threads (autogroup scheduling,
 * {@code /proc/sys/kernel/sched_autogroup_enabled}, on by default), a part then gets its share as one process, as a
 * container gets its own CPU allowance, rather than one share per busy thread of every part beside it. A service killed
 * and restarted under load was ready 17 to 22 s after the kill instead of 41 to 46 (docs/capacity.md, "Start-up, and
 * a restart under load").
 * <p>
 * The broker and the store, which every service waits on, keep a session's full weight; every other part runs at
 * autogroup nice {@value #OTHERS_NICE}, a tenth of it: at equal weights the store got too little of the cores under
 * overload and the suite acknowledged about half as many order changes; at nice 10 three quarters as many as in one
 * shared session, and more below the overload.
 */
record CpuShare(int nice) {

	static final int OTHERS_NICE = 10;

	static final Path SETSID = Path.of("/usr/bin/setsid");

	private static final Set<String> FULL_WEIGHT = Set.of("kafka", "mongodb");

	static CpuShare of(Part part) {
		return new CpuShare(FULL_WEIGHT.contains(part.name()) ? 0 : OTHERS_NICE);
	}

	/** What runs before the part's command: setsid(1), which execs it as a session leader; none without setsid. */
	List<String> launcher() {
		return Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
	}

	/**
	 * The shell step that weights the new session; silent where the kernel has no autogroups. Raising a nice value
	 * needs no privilege.
	 */
	String shellStep() {
		return "{ echo " + this.nice + " > /proc/self/autogroup; } 2>/dev/null";
	}

}
