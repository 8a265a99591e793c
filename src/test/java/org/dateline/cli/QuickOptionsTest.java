package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code serve}'s options filled without picocli's model give exactly what picocli gives, field for
 * field; and every command line this shortcut does not plainly understand is left to picocli.
 */
class QuickOptionsTest {

  /** Every option field of {@code command} and its mixins, as "path=value" lines. */
  private static List<String> values(Object command) throws IllegalAccessException {
    List<String> out = new ArrayList<>();
    collect(command, command.getClass().getSimpleName(), out);
    return out;
  }

  private static void collect(Object o, String path, List<String> out)
      throws IllegalAccessException {
    for (Field f : o.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
        collect(f.get(o), path + "." + f.getName(), out);
      } else if (f.isAnnotationPresent(CommandLine.Option.class)) {
        out.add(path + "." + f.getName() + "=" + f.get(o));
      }
    }
  }

  private static ServeCommand picocli(String... args) {
    CommandLine cl = Main.commandLine(prepend(args));
    CommandLine.ParseResult r = cl.parseArgs(prepend(args));
    return (ServeCommand) r.subcommand().commandSpec().userObject();
  }

  private static String[] prepend(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  private static void same(String... args) throws IllegalAccessException {
    ServeCommand quick = new ServeCommand();
    assertTrue(QuickOptions.fill(quick, List.of(args)), String.join(" ", args));
    List<String> expected = values(picocli(args));
    assertEquals(expected, values(quick));
    assertTrue(expected.size() >= 25, "every option compared: " + expected.size());
  }

  @Test
  void givesWhatPicocliGives() throws IllegalAccessException {
    same();
    same("--index", "/tmp/idx", "--port", "7480", "--web", "none");
    same(
        "--port=7481",
        "--read-access",
        "open",
        "--backend",
        "SOLR",
        "--solr",
        "http://a:8983/solr");
    same("--watch", "in", "--prune", "--commit-seconds", "5", "--settle-ms", "0", "--no-entities");
    same("--threads", "3", "--max-file-mb", "12", "--search-timeout-ms", "900");
    same("--refresh-ms", "250", "--max-request-mb=2", "--read-keys-file", "keys.json");
  }

  @Test
  void leavesTheRestToPicocli() {
    for (List<String> args :
        List.of(
            List.of("--help"),
            List.of("-h"),
            List.of("--version"),
            List.of("--bogus", "1"),
            List.of("positional"),
            List.of("--port"),
            List.of("--port", "--web", "none"),
            List.of("--search-timeout-ms", "-1"), // a value like an option: picocli judges it
            List.of("--port", "12x"),
            List.of("--port", "1", "--port", "2"),
            List.of("--cors", "https://a.example,https://b.example"),
            List.of("--prune=true"),
            List.of("--backend", "oracle"))) {
      assertFalse(QuickOptions.fill(new ServeCommand(), args), String.join(" ", args));
    }
  }

  @Test
  void readsDefaultsFromTheEnvironmentAsPicocliDoes() {
    Map<String, String> env =
        Map.of(
            "DATELINE_PORT", "9999", "DATELINE_INDEX", "/srv/idx", "DATELINE_NO_ENTITIES", "true");
    ServeCommand serve = new ServeCommand();
    assertTrue(QuickOptions.fill(serve, List.of("--index", "/mine"), env::get));
    assertEquals(9999, serve.port);
    assertEquals(Path.of("/mine"), serve.common.dir.index); // the flag beats the variable
    assertTrue(serve.common.ingest.noEntities);
    assertEquals(List.of(), serve.access.cors); // an empty default: an empty list, as picocli's
    assertNull(serve.access.readKeysFile);
    assertEquals("local", serve.access.readAccess);
    // a list default that is not empty is split by picocli: left to it
    assertFalse(
        QuickOptions.fill(new ServeCommand(), List.of(), Map.of("DATELINE_CORS", "x")::get));
  }
}
