package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.DatelineProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * How the command line builds the one {@code Config}: a flag beats its environment variable, which
 * beats the named default; an unknown flag is refused; a bad value stops the command before it does
 * anything, with a message naming what is wrong. Every run here points at an empty folder, so a
 * command whose settings are valid goes on to fail with "no index found there": that message is how
 * a test tells "the settings were accepted" from "the settings were refused".
 */
class CommandLineConfigTest {

  private static final String NO_INDEX = "dateline: no index found there";

  @TempDir Path empty;

  /** Exit code and standard error of one in-process run. */
  private record Run(int exit, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    int exit = cl.execute(args);
    return new Run(exit, err.toString());
  }

  private static void refused(String expected, Run run) {
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith(expected), run.err());
  }

  private static void stopped(String expected, Run run) {
    assertEquals(new Run(1, expected + System.lineSeparator()), run);
  }

  @Test
  void validSettingsReachTheIndex() {
    assertEquals(1, run("search", "harbour", "--index", empty.toString()).exit());
    assertTrue(run("search", "harbour", "--index", empty.toString()).err().startsWith(NO_INDEX));
  }

  @Test
  void unknownFlagsAreRefusedByEveryCommand() {
    String dir = empty.toString();
    refused("Unknown option: '--no-such-flag'", run("index", dir, "--no-such-flag"));
    refused("Unknown option: '--no-such-flag'", run("serve", "--no-such-flag", "--index", dir));
    refused("Unknown option: '--no-such-flag'", run("search", "x", "--no-such-flag"));
    refused(
        "Unknown options: '--max-file-mib', '5'",
        run("search", "harbour", "--max-file-mib", "5", "--index", empty.toString()));
  }

  @Test
  void valuesOfTheWrongKindAreRefusedBeforeAnythingRuns() {
    refused(
        "Invalid value for option '--threads': 'many' is not an int",
        run("index", empty.toString(), "--threads", "many", "--index", empty.toString()));
    refused(
        "Invalid value for option '--isolation': expected one of [OFF, TIKA, ALL]"
            + " (case-insensitive) but was 'sideways'",
        run("index", empty.toString(), "--isolation", "sideways", "--index", empty.toString()));
  }

  @Test
  void valuesOutOfRangeStopTheCommandWithOneLine() {
    String dir = empty.toString();
    stopped(
        "dateline: refresh interval must be 10..600000 ms, got 5",
        run("serve", "--refresh-ms", "5", "--index", dir));
    stopped(
        "dateline: parse timeout must be positive, got PT0S",
        run("index", dir, "--parse-timeout", "0", "--index", dir));
    stopped(
        "dateline: query terms limit must be positive, got 0",
        run("search", "harbour", "--max-query-terms", "0", "--index", dir));
    stopped(
        "dateline: --threads must be 1 or more (or 0: one per core), got -3",
        run("index", dir, "--threads", "-3", "--index", dir));
    stopped(
        "dateline: port must be 0..65535, got 70000",
        run("serve", "--port", "70000", "--index", dir));
    stopped(
        "dateline: a CORS origin is scheme://host[:port] such as https://partner.example or"
            + " http://localhost:8080; got 'partner.example'",
        run("serve", "--cors", "partner.example", "--index", dir));
    stopped(
        "dateline: read access must be open, local or key; got 'public'",
        run("serve", "--read-access", "public", "--index", dir));
  }

  /** The options listed by {@code dateline COMMAND --help}. */
  private static Set<String> optionsOf(String command) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    assertEquals(0, cl.execute(command, "--help"));
    Set<String> options = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s+(?:-\\w, )?(--[a-z-]+)").matcher(out.toString());
    while (m.find()) {
      options.add(m.group(1));
    }
    return options;
  }

  @Test
  void eachCommandListsOnlyTheOptionsItUses() {
    Set<String> ingest =
        Set.of(
            "--threads",
            "--max-file-mb",
            "--parse-timeout",
            "--isolation",
            "--parse-heap-mb",
            "--no-entities");
    Set<String> query = Set.of("--max-query-terms", "--search-timeout-ms", "--max-query-chars");
    Set<String> server = Set.of("--max-request-mb", "--refresh-ms");
    Set<String> index = optionsOf("index");
    assertTrue(index.containsAll(ingest) && index.contains("--index"), index.toString());
    assertTrue(Collections.disjoint(index, query), index.toString());
    assertTrue(Collections.disjoint(index, server), index.toString());
    Set<String> search = optionsOf("search");
    assertTrue(search.containsAll(query) && search.contains("--index"), search.toString());
    assertTrue(Collections.disjoint(search, ingest), search.toString());
    assertTrue(Collections.disjoint(search, server), search.toString());
    Set<String> serve = optionsOf("serve");
    for (Set<String> group : List.of(ingest, query, server)) {
      assertTrue(serve.containsAll(group), serve.toString());
    }
    refused(
        "Unknown option: '--refresh-ms'",
        run("index", empty.toString(), "--refresh-ms", "300", "--index", empty.toString()));
  }

  /** Environment variables need a process of their own: {@code dateline} in a child JVM. */
  private String child(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(empty.getParent(), "dateline", ".log");
    int exit = DatelineProcess.start(log, env, args).waitFor();
    String out = Files.readString(log);
    assertTrue(exit != 0, "every run here ends in an error: " + out);
    return out;
  }

  @Test
  void theEnvironmentBeatsTheDefaultAndAFlagBeatsTheEnvironment() throws Exception {
    String dir = empty.toString();
    Map<String, String> env = Map.of("DATELINE_REFRESH_MS", "5");
    String fromEnv = child(env, "serve", "--index", dir);
    assertTrue(
        fromEnv.contains("dateline: refresh interval must be 10..600000 ms, got 5"), fromEnv);
    String fromFlag = child(env, "serve", "--index", dir, "--refresh-ms", "300");
    assertTrue(fromFlag.contains("dateline: no index in " + dir), fromFlag);
    assertFalse(fromFlag.contains("refresh interval"), fromFlag);
    String badEnv = child(Map.of("DATELINE_THREADS", "many"), "index", dir, "--index", dir);
    assertTrue(
        badEnv.contains("Invalid value for option '--threads': 'many' is not an int"), badEnv);
  }
}
