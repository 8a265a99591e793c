package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dateline batch FILE --index DIR --out FILE} on the seeds. */
class BatchCommandTest {

  @TempDir Path dir;

  @Test
  void writesOneRowPerLineToTheOutFile() throws IOException {
    Path index = dir.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    Path names =
        Files.writeString(dir.resolve("names.txt"), "Baghouz\n\"Mustafa Bali\"\nBali AND\n");
    Path out = dir.resolve("rows.jsonl");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "batch",
            names.toString(),
            "--index",
            index.toString(),
            "--out",
            out.toString(),
            "--hits",
            "1");
    assertEquals(0, code, err.toString());
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(3, rows.size());
    assertTrue(
        rows.get(0)
            .startsWith(
                "{\"line\":1,\"query\":\"Baghouz\",\"searched\":\"Baghouz\","
                    + "\"articles\":4,\"stories\":4,\"outlets\":1,\"first_date\":\"2019-01-28\",\"last_date\":\"2019-03-05\""),
        rows.get(0));
    // Mustafa Bali as written: seeds 003 and 004
    assertTrue(rows.get(1).contains("\"articles\":2,"), rows.get(1));
    assertTrue(
        rows.get(2)
            .contains("\"error\":\"the operator AND needs a word or phrase on both" + " sides"),
        rows.get(2));
    assertEquals("3 lines searched (1 errors)", err.toString().replaceAll(" in \\d+ ms\\s*", ""));
  }
}
