package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help text reads as written: picocli wraps a line longer than its usage width at whatever word
 * comes last, so a footer broken by hand past that width showed "(every" alone on a line.
 */
class HelpTextTest {

  /** Each command's options as its help lists them. */
  private static Set<String> options(String command) {
    return new TreeSet<>(
        Main.commandLine().getSubcommands().get(command).getCommandSpec().optionsMap().keySet());
  }

  @Test
  void eachCommandListsOnlyTheOptionsItReads() {
    // stories listed every ingest and server option (--max-file-mb, --isolation, --refresh-ms ...)
    assertEquals(
        Set.of("--index", "--recluster", "-h", "--help", "-V", "--version"), options("stories"));
    Set<String> ingest = Set.of("--max-file-mb", "--isolation", "--threads", "--no-entities");
    Set<String> server = Set.of("--max-request-mb", "--refresh-ms", "--batch-timeout-ms");
    for (String command : List.of("search", "batch")) {
      Set<String> listed = options(command);
      assertTrue(listed.contains("--max-query-terms"), command + ": " + listed);
      for (String other : union(ingest, server)) {
        assertFalse(listed.contains(other), command + " lists " + other);
      }
    }
    assertTrue(options("serve").containsAll(union(ingest, server)), "serve reads them all");
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void noHandBrokenLineOfAnyCommandsHelpIsWiderThanTheUsageWidth() {
    List<String> tooWide = new ArrayList<>();
    List<CommandLine> commands = new ArrayList<>(List.of(Main.commandLine()));
    for (int i = 0; i < commands.size(); i++) {
      CommandLine command = commands.get(i);
      commands.addAll(command.getSubcommands().values());
      CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
      for (String line : usage.footer()) {
        // picocli breaks a line that reaches its width
        if (line.length() >= usage.width()) {
          tooWide.add(command.getCommandName() + ": " + line);
        }
      }
    }
    assertEquals(List.of(), tooWide);
  }
}
