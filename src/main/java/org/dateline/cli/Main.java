package org.dateline.cli;

import java.util.List;
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
    })
public final class Main implements Runnable {

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          IndexCommand.class,
          ServeCommand.class,
          SearchCommand.class,
          EntitiesCommand.class,
          StoriesCommand.class,
          BatchCommand.class,
          SolrCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    org.dateline.config.StartupTrace.mark("main");
    if (args.length > 0 && args[0].equals("serve")) {
      // java.util.logging's first use looks for a logger service in every jar of the class path (a
      // third of a second of CPU): on the preload thread, while this one parses the options
      ServeCommand.preload(Main::quietLibraryLogging);
      ServeCommand serve = new ServeCommand();
      if (QuickOptions.fill(serve, java.util.Arrays.asList(args).subList(1, args.length))) {
        System.exit(run(serve));
      }
    }
    quietLibraryLogging();
    System.exit(commandLine(args).execute(args));
  }

  /**
   * Runs a command whose options {@link QuickOptions} filled, with the same exit status and error
   * line as picocli's execution gives it.
   */
  private static int run(java.util.concurrent.Callable<Integer> command) {
    try {
      return command.call();
    } catch (Exception e) {
      System.err.println("dateline: " + Errors.describe(e));
      return 1;
    }
  }

  /** The configured command line with every subcommand (also used by tests). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for {@code args}. When they begin with a subcommand's name only that
   * subcommand is built: picocli reads each subcommand's options and mixins by reflection as it
   * builds it, and building all of them took a third of a second of a server's start.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    List<Class<?>> named =
        SUBCOMMANDS.stream()
            .filter(c -> args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0]))
            .toList();
    for (Class<?> c : named.isEmpty() ? SUBCOMMANDS : named) {
      cl.addSubcommand(c);
    }
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
