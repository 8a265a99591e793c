package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code dateline serve ...} builds the serve command only (a server starts sooner); any other
 * first word, and the tests, get every command, and the one command reads as it does among all.
 */
class MainCommandLineTest {

  @Test
  void everyCommandWithoutASubcommandName() {
    List<String> all =
        List.of("index", "serve", "search", "entities", "stories", "batch", "solr", "help");
    assertEquals(all, List.copyOf(Main.commandLine().getSubcommands().keySet()));
    assertEquals(
        all, List.copyOf(Main.commandLine(new String[] {"--help"}).getSubcommands().keySet()));
    assertEquals(
        all, List.copyOf(Main.commandLine(new String[] {"Serve"}).getSubcommands().keySet()));
  }

  @Test
  void onlyTheNamedCommand() {
    assertEquals(
        List.of("serve"),
        List.copyOf(
            Main.commandLine(new String[] {"serve", "--port", "7480"}).getSubcommands().keySet()));
  }

  @Test
  void theNamedCommandsHelpIsTheSameAsAmongAll() {
    String alone = help(Main.commandLine(new String[] {"serve", "--help"}), "serve", "--help");
    String among = help(Main.commandLine(), "serve", "--help");
    assertEquals(among, alone);
    assertEquals("Usage: dateline serve", alone.lines().findFirst().orElseThrow().substring(0, 21));
  }

  private static String help(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute(args));
    return out.toString();
  }
}
