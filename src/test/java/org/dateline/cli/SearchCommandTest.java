package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dateline search} as a newcomer meets it: dates shown as the outlet printed them (as the
 * page shows them), and {@code --from}/{@code --to} taking the API's days, months and years, with a
 * bad one refused in words.
 */
class SearchCommandTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void datesAreShownAsTheOutletPrintedThem() {
    // the Guardian's "Sat 16 Feb 2019 23.39 EST": the 16th, not the 17th of UTC
    assertEquals(
        "2019-02-16 23:39 UTC-05:00",
        SearchCommand.printedDate("2019-02-17T04:39:00Z", "minute", -300));
    assertEquals(
        "2019-02-23 10:27 UTC", SearchCommand.printedDate("2019-02-23T10:27:00Z", "minute", null));
    assertEquals(
        "2019-02-23 16:57:05 UTC+05:30",
        SearchCommand.printedDate("2019-02-23T11:27:05Z", "second", 330));
    assertEquals("2019-01-28", SearchCommand.printedDate("2019-01-28", "day", null));
    assertEquals("undated", SearchCommand.printedDate(null, null, null));
  }

  @Test
  void aMonthSelectsItsDaysAndTheGuardianIsOnTheDayItPrinted() throws IOException {
    Path index = dir.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    Run run =
        run("search", "", "--index", index.toString(), "--from", "2019-02", "--to", "2019-02");
    assertEquals(0, run.exit(), run.err());
    List<String> heads = run.out().lines().filter(l -> l.startsWith("2019")).sorted().toList();
    assertEquals(
        List.of(
            "2019-02-16 23:39 UTC-05:00  The Guardian  Offensive launched against scores of"
                + " besieged Isis fighters after 20,000 civilians evacuated",
            "2019-02-23 10:27 UTC  Middle East Monitor  Truckloads of civilians leave Daesh enclave"
                + " in Syria ahead of final battle"),
        heads,
        run.out());
    assertTrue(run.out().startsWith("2 hits ("), run.out());
  }

  @Test
  void aBadDayIsRefusedInWords() throws IOException {
    Run run = run("search", "Baghouz", "--index", dir.toString(), "--from", "2019-13-01");
    assertEquals(1, run.exit(), run.err());
    assertEquals(
        "dateline: --from must be a day such as 2019-02-23 (or a month, 2019-02, or a year,"
            + " 2019), got '2019-13-01'"
            + System.lineSeparator(),
        run.err());
    assertFalse(run.err().contains("java."), run.err());
    Path names = dir.resolve("names.txt");
    Run missing = run("batch", names.toString(), "--index", dir.toString());
    assertEquals(1, missing.exit(), missing.err());
    // a missing file is said so, not by its path alone ("dateline: /tmp/.../names.txt")
    assertEquals(
        "dateline: no such file or folder: " + names + System.lineSeparator(), missing.err());
    Files.writeString(names, "Baghouz\n");
    Run batch = run("batch", names.toString(), "--index", dir.toString(), "--to", "23/02/2019");
    assertEquals(1, batch.exit(), batch.err());
    assertTrue(
        batch.err().startsWith("dateline: --to must be a day such as 2019-02-23"), batch.err());
  }
}
