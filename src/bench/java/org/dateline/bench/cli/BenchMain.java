package org.dateline.bench.cli;

import picocli.CommandLine;

/**
 * {@code dateline bench …}: the benchmarks, built apart from the product (src/bench/java, their own
 * jar) so that {@code dateline --help} and the product jar hold only what users run. The launcher
 * starts this class with the bench jar on the class path.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured {@code dateline bench} command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("dateline bench: " + e.getMessage());
          return 1;
        });
    return cl;
  }
}
