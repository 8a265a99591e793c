package org.dateline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dateline} command: index, serve, search. */
@Command(
    name = "dateline",
    mixinStandardHelpOptions = true,
    version = "Dateline 0.1.0",
    description = "Full-text search for news archives.",
    footer = {
      "",
      // each line under picocli's 80 columns, which would break a longer one mid-phrase
      "In a source checkout the launcher also runs: ./dateline build, ./dateline test",
      "(every test), ./dateline dist (a release archive that needs no Java installed)",
      "and ./dateline bench ... (benchmarks). README.md says more."
    },
    subcommands = {
      IndexCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      EntitiesCommand.class,
      StoriesCommand.class,
      BatchCommand.class,
      SolrCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    quietLibraryLogging();
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("dateline: " + Errors.describe(e));
          return 1;
        });
    return cl;
  }

  /** Libraries log start-up chatter through java.util.logging; a user needs only warnings. */
  private static void quietLibraryLogging() {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    for (var handler : java.util.logging.Logger.getLogger("").getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
