package org.dateline.search;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far one running batch has got: updated by the thread that runs it, read by anyone asking.
 * Thread-safe.
 */
public final class BatchProgress {

  /** Where a batch stands. */
  public enum State {
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
  }

  /** What a client sees of a batch's progress. */
  public record Status(
      String id, State state, int lines, int done, int errors, Instant started, long elapsedMs) {}

  private final String id;
  private final int lines;
  private final Instant started = Instant.now();
  private final long startNanos = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private volatile State state = State.RUNNING;
  private volatile long endNanos;

  BatchProgress(String id, int lines) {
    this.id = id;
    this.lines = lines;
  }

  /** A progress no one asks about (the command line's). */
  public static BatchProgress untracked(int lines) {
    return new BatchProgress("-", lines);
  }

  public String id() {
    return id;
  }

  /** Counts one line answered ({@code failed}: with an error row). */
  public void lineDone(boolean failed) {
    done.incrementAndGet();
    if (failed) {
      errors.incrementAndGet();
    }
  }

  /** Marks the batch as ended in {@code end} (not {@link State#RUNNING}). */
  public void end(State end) {
    if (state == State.RUNNING) {
      endNanos = System.nanoTime();
      state = end;
    }
  }

  boolean finished() {
    return state != State.RUNNING;
  }

  public Status status() {
    State s = state;
    long until = s == State.RUNNING ? System.nanoTime() : endNanos;
    return new Status(
        id, s, lines, done.get(), errors.get(), started, (until - startNanos) / 1_000_000);
  }
}
