package com.chairside.launcher;

import java.nio.file.Path;
import java.util.List;

/** What a part's JVM runs: a main class on a class path, or a Spring Boot jar. */
public sealed interface Program {

	/** The java arguments that name the program. */
	List<String> arguments();

	/** {@code java -cp <classpath> <mainClass>}: the embedded default's parts and the tools, from devstack's target. */
	record MainClass(String classpath, String mainClass) implements Program {

		@Override
		public List<String> arguments() {
			return List.of("-cp", this.classpath, this.mainClass);
		}

	}

	/** {@code java -jar <jar>}: a service, the gateway or the identity provider, as its module packages it. */
	record Jar(Path jar) implements Program {

		@Override
		public List<String> arguments() {
			return List.of("-jar", this.jar.toString());
		}

	}

}
