package com.chairside.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * What the process logs at WARN and ERROR while this is open, from any thread: a test asserts that a failure is
 * reported once and at the level an operator should see it, and that an expected path (a poison record dead-lettered)
 * raises no ERROR.
 */
public final class LoggedProblems implements AutoCloseable {

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
				LoggedProblems.this.events.add(event);
			}
		}

	};

	private LoggedProblems() {
		this.appender.setContext(this.root.getLoggerContext());
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	public static LoggedProblems capture() {
		return new LoggedProblems();
	}

	/** Each event at {@code level} from a logger whose name starts with {@code prefix}, as "logger: message". */
	public List<String> at(Level level, String prefix) {
		return this.events.stream()
			.filter((event) -> event.getLevel().equals(level) && event.getLoggerName().startsWith(prefix))
			.map((event) -> event.getLoggerName() + ": " + event.getFormattedMessage()
					+ ((event.getThrowableProxy() != null) ? " [" + event.getThrowableProxy().getClassName() + "]" : ""))
			.toList();
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

}
