/**
 * Scheduled work that must run once across replicas: a job's scheduled entry carries ShedLock's
 * {@code @SchedulerLock}, named after the job ({@code delivery-watch}, {@code dormancy}), and the lock is a document of
 * {@code scheduler_locks} in the service's own store. A job holds its lock for one interval from the start of a run
 * ({@code lockAtLeastFor} and {@code lockAtMostFor} both its interval), so with any number of replicas the scan runs
 * once per interval, and a replica that dies mid-run holds the others off for no longer than an interval.
 * {@code chairside.scheduled.runs{job}} counts the runs that took the lock, {@code chairside.scheduled.skipped{job}}
 * the turns a replica left to the lock's holder.
 * <p>
 * The lock is the scheduling's coordination, not the data's: a job whose run outlasts its interval may meet the next
 * one, so every job keeps the conditional writes that make a second run change nothing.
 */
package com.chairside.platform.scheduling;
