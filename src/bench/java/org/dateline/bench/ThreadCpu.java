package org.dateline.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this JVM's live threads have used, in three groups read from {@code
 * /proc/self/task}: the JIT's compiler threads, the garbage collector's, and the rest (the
 * application's, and threads that ended are counted in the process total only). What a cold run
 * spends compiling and collecting besides its own work. Linux only; elsewhere every figure is 0.
 */
public record ThreadCpu(long processMs, long jitMs, long gcMs) {

  private static final Path TASKS = Path.of("/proc/self/task");

  /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on every Linux in use). */
  private static final int TICKS_PER_SECOND = 100;

  /** The figures now. */
  public static ThreadCpu now() {
    long process =
        ProcessHandle.current()
            .info()
            .totalCpuDuration()
            .map(java.time.Duration::toMillis)
            .orElse(0L);
    long jit = 0;
    long gc = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        // utime and stime: the 14th and 15th fields, the 12th and 13th after the name
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000L / TICKS_PER_SECOND;
        if (name.contains("CompilerThre")) {
          jit += ms;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
          gc += ms;
        }
      }
    } catch (IOException e) {
      return new ThreadCpu(process, 0, 0);
    }
    return new ThreadCpu(process, jit, gc);
  }
}
