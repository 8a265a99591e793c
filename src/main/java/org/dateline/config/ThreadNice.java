package org.dateline.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sets the scheduling priority (Linux's nice value) of some of this JVM's own threads, found by
 * name: the JIT's C2 compiler thread, so that on a machine with few cores a server's requests come
 * before its compilations. Java's own thread priorities do nothing on Linux (the JVM ignores them
 * unless started as root with {@code -XX:ThreadPriorityPolicy=1}); Linux, unlike POSIX, gives each
 * thread its own nice value, which {@code renice} sets when given the thread's id (from {@code
 * /proc/self/task}). Elsewhere, or when that fails, nothing changes and the caller is told. (The
 * foreign function API would spare the process, but Dateline is built for JDK 21, where it is a
 * preview.) Only raising a nice value needs no privilege, so a thread lowered stays lowered.
 */
public final class ThreadNice {

  private static final Path TASKS = Path.of("/proc/self/task");

  private ThreadNice() {}

  /**
   * Sets the nice value of every thread of this process whose name (the operating system's copy:
   * its first 15 characters) starts with {@code prefix}; how many were set, 0 when none or when
   * that fails.
   */
  public static int set(String prefix, int nice) {
    List<String> ids = new ArrayList<>();
    for (Path task : named(prefix)) {
      ids.add(task.getFileName().toString());
    }
    if (ids.isEmpty()) {
      return 0;
    }
    List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(nice), "-p"));
    command.addAll(ids);
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return 0;
      }
      return p.exitValue() == 0 ? ids.size() : 0;
    } catch (IOException e) {
      return 0; // no renice on this system
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** The nice values of this process's threads whose names start with {@code prefix}. */
  static List<Integer> of(String prefix) {
    List<Integer> nices = new ArrayList<>();
    for (Path task : named(prefix)) {
      try {
        String stat = Files.readString(task.resolve("stat"));
        // the fields after the name (which may hold spaces and parentheses): nice is the 19th
        // field of the line, the 17th after the name
        nices.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
      } catch (IOException | RuntimeException e) {
        // the thread ended meanwhile
      }
    }
    return nices;
  }

  private static List<Path> named(String prefix) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
            found.add(task);
          }
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of(); // not Linux
    }
    return found;
  }
}
