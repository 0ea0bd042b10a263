package com.chairside.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import com.chairside.devstack.FreePorts;

/**
 * A real single-node KRaft broker from Apache Kafka's jars (the devstack's), as its own process on free ports, so that
 * a test can stop it and start it again on the same data.
 */
final class KafkaBroker {

	private final Path folder;

	private final int port;

	private final ManagedProcess process;

	KafkaBroker(Path root, Path folder, Path logFolder) {
		this.folder = folder;
		this.port = FreePorts.next();
		int controller = FreePorts.next();
		String classpath = root.resolve("devstack/target/lib").toAbsolutePath() + "/*";
		Path config = folder.resolve("server.properties");
		try {
			Files.createDirectories(folder);
			Files.writeString(config, String.join("\n", "process.roles=broker,controller", "node.id=1",
					"controller.quorum.voters=1@127.0.0.1:" + controller,
					"listeners=PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + controller,
					"advertised.listeners=PLAINTEXT://127.0.0.1:" + this.port, "controller.listener.names=CONTROLLER",
					"inter.broker.listener.name=PLAINTEXT",
					"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
					"default.replication.factor=1", "min.insync.replicas=1", "offsets.topic.replication.factor=1",
					"offsets.topic.num.partitions=6", "transaction.state.log.replication.factor=1",
					"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
					"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
					"num.partitions=6", "auto.create.topics.enable=true", "log.dirs=" + folder.resolve("data")) + "\n");
			// Kafka's jars log through logback, whose default is DEBUG: every request, which costs two cores dearly.
			Files.writeString(folder.resolve("logback.xml"), """
					<configuration>
					  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
					    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
					  </appender>
					  <root level="INFO"><appender-ref ref="OUT"/></root>
					</configuration>
					""");
			Process format = new ProcessBuilder(ManagedProcess.javaBinary(), "-cp", classpath, "kafka.tools.StorageTool",
					"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
				.redirectErrorStream(true)
				.redirectOutput(logFolder.resolve("kafka-format.log").toFile())
				.start();
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("Formatting the broker's storage failed; see kafka-format.log");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.process = new ManagedProcess("kafka", List.of(ManagedProcess.javaBinary(), "-Xms128m", "-Xmx512m",
				"-XX:+UseSerialGC", "-Dlogback.configurationFile=" + folder.resolve("logback.xml"), "-cp", classpath, "kafka.Kafka", config.toString()), logFolder);
	}

	KafkaBroker start() {
		this.process.start();
		return this;
	}

	/** Accepts connections (the services' clients do the rest of the waiting). */
	boolean listening() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("The broker exited:\n" + this.process.tail(40));
		}
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	void stop() {
		this.process.stop();
	}

	void kill() {
		this.process.kill();
	}

	void pause() {
		this.process.pause();
	}

	void resume() {
		this.process.resume();
	}

	String bootstrap() {
		return "127.0.0.1:" + this.port;
	}

	Path folder() {
		return this.folder;
	}

}
