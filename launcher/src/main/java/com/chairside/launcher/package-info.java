/**
 * Starts the whole suite, each part as its own process: the parts as data ({@link com.chairside.launcher.Catalogue}),
 * the broker's settings ({@link com.chairside.launcher.KafkaBroker}) and a process supervisor
 * ({@link com.chairside.launcher.Supervisor}); {@code bin/chairside}'s process management
 * ({@link com.chairside.launcher.Launcher}).
 */
package com.chairside.launcher;
