package org.dateline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dateline.config.JvmCommand;

/**
 * Runs the real {@code dateline} command line in a child JVM, as a user would, so it can be killed.
 */
public final class DatelineProcess {

  private DatelineProcess() {}

  /** Starts {@code dateline ARGS...}; stdout and stderr go to {@code log}. */
  public static Process start(Path log, String... args) throws IOException {
    return start(log, java.util.Map.of(), args);
  }

  /** Starts {@code dateline ARGS...} with extra environment variables. */
  public static Process start(Path log, java.util.Map<String, String> env, String... args)
      throws IOException {
    List<String> command = JvmCommand.withHeap("1g").dateline(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs {@code dateline ARGS...} to its end and returns the exit code. */
  public static int run(Path log, String... args) throws IOException, InterruptedException {
    return start(log, args).waitFor();
  }
}
