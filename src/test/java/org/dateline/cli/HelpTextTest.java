package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help text reads as written: picocli wraps a line longer than its usage width at whatever word
 * comes last, so a footer broken by hand past that width showed "(every" alone on a line.
 */
class HelpTextTest {

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
