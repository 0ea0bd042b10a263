package com.chairside.testsupport.store;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/** Gives the store client of a test context the JVM's {@link StoreCommands} listener, where the context has one. */
public final class ListenToStore {

	private static final String CUSTOMIZER = "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer";

	private ListenToStore() {
	}

	public static void in(ConfigurableApplicationContext context) {
		if (ClassUtils.isPresent(CUSTOMIZER, context.getClassLoader())) {
			Customizer.register(context);
		}
	}

	/** Apart, so that a context without the MongoDB client never loads the customizer's type. */
	private static final class Customizer {

		static void register(ConfigurableApplicationContext context) {
			MongoClientSettingsBuilderCustomizer listening = (settings) -> settings.addCommandListener(StoreCommands.get());
			context.getBeanFactory().registerSingleton("storeCommandsListener", listening);
		}

	}

}
