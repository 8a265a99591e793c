package org.dateline.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Where one request's server time goes, stage by stage, for a client that asks (the HTTP layer
 * answers it as a {@code Server-Timing} header). A clock is started on the request's thread and
 * every {@link #lap} records the time since the previous one under a stage name; with no clock
 * started on the thread a lap is a no-op costing one thread-local read, so the search path carries
 * its laps always. Not thread-safe: one request, one thread (the search path runs on the thread
 * that took the request; laps from other threads record nothing).
 */
public final class StageClock {

  /** The most distinct stages one request records; laps of later ones are dropped. */
  private static final int MAX_STAGES = 24;

  private static final ThreadLocal<StageClock> CURRENT = new ThreadLocal<>();

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String[] names = new String[MAX_STAGES];
  private final long[] nanos = new long[MAX_STAGES];
  private int count;
  private long last;
  private final long cpuStart;

  private StageClock() {
    cpuStart = THREADS.getCurrentThreadCpuTime();
    last = System.nanoTime();
  }

  /** Starts a clock on this thread (replacing any earlier one) and returns it. */
  public static StageClock start() {
    StageClock clock = new StageClock();
    CURRENT.set(clock);
    return clock;
  }

  /** Records the time since the previous lap (or the start) as {@code stage}; no clock: nothing. */
  public static void lap(String stage) {
    StageClock clock = CURRENT.get();
    if (clock != null) {
      clock.record(stage);
    }
  }

  private void record(String stage) {
    long now = System.nanoTime();
    int i = 0;
    while (i < count && !names[i].equals(stage)) {
      i++;
    }
    if (i < MAX_STAGES) {
      names[i] = stage;
      nanos[i] += now - last;
      count = Math.max(count, i + 1);
    }
    last = now;
  }

  /**
   * Stops this clock (records the time since the last lap as {@code finalStage}, detaches it from
   * the thread) and returns its stages in the {@code Server-Timing} header's form: {@code
   * name;dur=ms, ...}, milliseconds with three decimals, in the order the stages were first
   * recorded; a stage recorded more than once (once per hit of a page) shows the sum.
   */
  public String stop(String finalStage) {
    record(finalStage);
    if (CURRENT.get() == this) {
      CURRENT.remove();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(names[i])
          .append(";dur=")
          .append(String.format(Locale.ROOT, "%.3f", nanos[i] / 1e6));
    }
    return out.toString();
  }

  /**
   * The CPU time (user and system) the thread that started this clock has used since, in
   * milliseconds with three decimals, as {@link #stop} writes them; read on that thread. Unlike the
   * stages' wall time it leaves out the time the thread waited for a core, so it shows what a
   * request cost the server when other work shares the machine (benchmarks: {@code bench startup
   * --thread-cpu}).
   */
  public String cpuMillis() {
    return String.format(Locale.ROOT, "%.3f", (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
  }

  /** Detaches any clock from this thread without reading it (a request that failed). */
  public static void clear() {
    CURRENT.remove();
  }
}
