package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dateline.TestIndexes;
import org.dateline.enrich.entities.Registry;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.dateline.search.facet.FacetValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The registry's round trip through the real commands: index the seeds, edit the registry file,
 * {@code dateline entities apply}, see the facets change; re-index a changed source, the edit
 * holds.
 */
class EntityRegistryTest {

  @TempDir Path dir;

  private static String run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    assertEquals(0, code, "dateline " + String.join(" ", args) + " failed: " + err);
    return out.toString();
  }

  private static Map<String, Map<String, Long>> facets(Path index) throws IOException {
    try (SearchService search = SearchService.readOnly(index)) {
      return search
          .search(
              new SearchRequest(
                  "",
                  Map.of(),
                  null,
                  null,
                  SortOrder.RELEVANCE,
                  1,
                  10,
                  null,
                  0,
                  SearchRequest.MAX_FACET_SIZE))
          .facets()
          .entrySet()
          .stream()
          .collect(
              Collectors.toMap(
                  Map.Entry::getKey,
                  e ->
                      e.getValue().stream()
                          .collect(Collectors.toMap(FacetValue::value, FacetValue::count))));
    }
  }

  @Test
  void editApplyAndReindexKeepTheEdit() throws IOException {
    Path sources = dir.resolve("seeds");
    Files.createDirectories(sources);
    try (Stream<Path> seeds = Files.list(TestIndexes.SEEDS)) {
      for (Path p : seeds.toList()) {
        Files.copy(p, sources.resolve(p.getFileName()));
      }
    }
    Path index = dir.resolve("index");
    run("index", sources.toString(), "--index", index.toString(), "--quiet", "--threads", "2");
    Map<String, Map<String, Long>> before = facets(index);
    assertEquals(4L, before.get("person").get("Mustafa Bali"));
    assertEquals(1L, before.get("organization").get("Twitter"));

    new Registry(
            List.of(new Registry.Merge("Heval Roni", null, List.of("Roni"))),
            List.of("Mostefa Bali"),
            Map.of("Mustafa Bali", "Mustafa Bali (SDF)"),
            Map.of(),
            List.of("Twitter"))
        .write(index);
    String applied = run("entities", "apply", "--index", index.toString());
    assertTrue(applied.contains("Entities resolved across 5 articles"), applied);

    Map<String, Map<String, Long>> after = facets(index);
    assertEquals(
        3L, after.get("person").get("Mustafa Bali (SDF)"), "renamed, less the split-off spelling");
    assertEquals(1L, after.get("person").get("Mostefa Bali"), "split into an entity of its own");
    assertNull(after.get("person").get("Mustafa Bali"));
    assertNull(after.get("organization").get("Twitter"), "suppressed");

    // a source changes: it is parsed again, and the registry still holds after the re-index
    Path changed;
    try (Stream<Path> s = Files.list(sources)) {
      changed = s.sorted().findFirst().orElseThrow();
    }
    Files.writeString(
        changed, Files.readString(changed) + "\n\nMustafa Bali spoke to Twitter users.\n");
    String reindexed = run("index", sources.toString(), "--index", index.toString(), "--quiet");
    assertTrue(reindexed.contains("Indexed 1 of 5 files"), reindexed);
    Map<String, Map<String, Long>> again = facets(index);
    assertEquals(4L, again.get("person").get("Mustafa Bali (SDF)"), again.get("person").toString());
    assertEquals(1L, again.get("person").get("Mostefa Bali"));
    assertNull(again.get("organization").get("Twitter"));
    assertFalse(again.get("person").containsKey("Mustafa Bali"));
  }
}
