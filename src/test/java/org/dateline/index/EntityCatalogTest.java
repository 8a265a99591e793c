package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;
import org.dateline.pipeline.EntityPass;
import org.dateline.search.EntityService;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity catalog and the incremental pass on the seeds, with the real recogniser: indexing in
 * two runs gives what one run gives, a run of new files resolves and rewrites only them, and the
 * catalog outlives the process while a missing, broken or stale one makes the pass full. The
 * catalog is gzipped JSON (issue 20); a plain one an older Dateline left is read until a pass
 * replaces it.
 */
class EntityCatalogTest {

  @TempDir Path work;

  private static List<Path> seeds() throws IOException {
    try (Stream<Path> s = Files.list(TestIndexes.SEEDS)) {
      return s.sorted().toList();
    }
  }

  private static Path copy(List<Path> files, Path into) throws IOException {
    Files.createDirectories(into);
    for (Path f : files) {
      Files.copy(f, into.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return into;
  }

  private static List<EntityCatalog.Entity> entities(Path index) throws IOException {
    EntityCatalog.Entities e = EntityCatalog.readEntities(index);
    assertNotNull(e, "no catalog in " + index);
    return e.entities();
  }

  private static EntityCatalog.Entity entity(Path index, EntityType type, String canonical)
      throws IOException {
    return entities(index).stream()
        .filter(e -> e.type() == type && e.canonical().equals(canonical))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " " + canonical + " in the catalog"));
  }

  /** Every stored article's resolved mentions, by source file name. */
  private static Map<String, List<Mention>> mentionsByFile(Path index) throws IOException {
    Map<String, List<Mention>> out = new TreeMap<>();
    for (Article a : TestIndexes.storedArticles(index)) {
      out.put(Path.of(a.path()).getFileName().toString(), a.mentions());
    }
    return out;
  }

  @Test
  void twoRunsGiveTheEntitiesOfOneRun() throws IOException {
    List<Path> seeds = seeds();
    Path oneIndex = work.resolve("one-index");
    EntityPass.Result one =
        TestIndexes.indexAndResolve(oneIndex, false, copy(seeds, work.resolve("one")));
    assertTrue(one.full(), "a new index has no catalog: the first pass is full");
    assertEquals(5, one.articles());

    Path twoIndex = work.resolve("two-index");
    Path two = copy(seeds.subList(0, 3), work.resolve("two"));
    EntityPass.Result first = TestIndexes.indexAndResolve(twoIndex, false, two);
    assertEquals(3, first.articles());
    copy(seeds.subList(3, 5), two);
    EntityPass.Result second = TestIndexes.indexAndResolve(twoIndex, false, two);
    assertFalse(second.full(), second.toString());
    assertEquals(2, second.resolved(), "only the two new stories are resolved");
    assertEquals(5, second.articles());
    // the new stories change which spelling of an entity is the most frequent: the two earlier
    // stories that name it are read and written again with its new canonical name
    assertEquals(2, second.reread(), second.toString());
    assertEquals(2, second.rewrittenEarlier(), second.toString());

    assertEquals(entities(oneIndex), entities(twoIndex));
    assertEquals(mentionsByFile(oneIndex), mentionsByFile(twoIndex));
    EntityCatalog.Entity bali = entity(twoIndex, EntityType.PERSON, "Mustafa Bali");
    assertEquals(4, bali.documents());
    assertTrue(
        bali.variants()
            .keySet()
            .containsAll(List.of("Mustafa Bali", "Mostafa Bali", "Mostefa Bali", "Bali")),
        bali.toString());
    // the Guardian's "Sat 16 Feb 2019 23.39 EST": the day it printed, not the 17th of UTC
    assertEquals("2019-02-16", bali.firstSeen());
    assertEquals("2019-03-05", bali.lastSeen());
    assertEquals(5, entity(twoIndex, EntityType.PLACE, "Baghouz").documents());
    assertEquals(5, entity(twoIndex, EntityType.ORGANIZATION, "Islamic State").documents());

    // a full pass over the index built in two runs finds nothing to change
    EntityPass.Result full = TestIndexes.indexAndResolve(twoIndex, true, two);
    assertTrue(full.full());
    assertEquals(0, full.rewritten(), full.toString());
    assertEquals(entities(oneIndex), entities(twoIndex));
  }

  @Test
  void newFilesAreTheOnlyArticlesResolvedAndRewritten() throws IOException {
    Path index = work.resolve("index");
    Path src = copy(seeds(), work.resolve("src"));
    TestIndexes.indexAndResolve(index, false, src);
    Map<String, List<Mention>> before = mentionsByFile(index);

    Files.writeString(
        src.resolve("harbour.txt"),
        "Harbour workers strike in Hamburg\n\n"
            + "Dock workers in Hamburg walked out on Monday, said union leader Klaus Wendler.\n");
    Files.writeString(
        src.resolve("vote.txt"),
        "Council vote delayed in Lyon\n\n"
            + "The city council of Lyon put off its vote, mayor Pierre Dufresne told reporters.\n");
    Files.writeString(
        src.resolve("rain.txt"),
        "Floods close roads near Porto\n\n"
            + "Heavy rain closed roads near Porto, the Portuguese civil protection agency said.\n");
    EntityPass.Result pass = TestIndexes.indexAndResolve(index, false, src);

    assertFalse(pass.full(), pass.toString());
    assertEquals(3, pass.resolved(), pass.toString());
    assertEquals(0, pass.reread(), "no entity of an earlier story changed: " + pass);
    assertEquals(0, pass.rewrittenEarlier(), pass.toString());
    assertTrue(pass.rewritten() <= 3, pass.toString());
    assertEquals(8, pass.articles());
    Map<String, List<Mention>> after = mentionsByFile(index);
    before.forEach((file, mentions) -> assertEquals(mentions, after.get(file), file));
    assertEquals(1, entity(index, EntityType.PLACE, "Hamburg").documents());
    assertEquals(4, entity(index, EntityType.PERSON, "Mustafa Bali").documents());

    // the incremental result is what a full pass gives
    List<EntityCatalog.Entity> incremental = entities(index);
    EntityPass.Result full = TestIndexes.indexAndResolve(index, true, src);
    assertEquals(0, full.rewritten(), full.toString());
    assertEquals(incremental, entities(index));
  }

  @Test
  void theCatalogOutlivesTheProcessAndAnUnusableOneMakesThePassFull() throws IOException {
    Path index = work.resolve("index");
    List<Path> seeds = seeds();
    Path src = copy(seeds.subList(0, 4), work.resolve("src"));
    TestIndexes.indexAndResolve(index, false, src);
    Path catalog = index.resolve(EntityCatalog.FILE_NAME);
    Path older = Files.copy(catalog, work.resolve("older.json"));

    // a new process serves the entities from the file
    try (SearchService search = SearchService.readOnly(index)) {
      List<EntityService.EntitySummary> bali =
          new EntityService(search).list(EntityType.PERSON, "bal", 10);
      assertEquals(1, bali.size(), bali.toString());
      assertEquals("Mostefa Bali", bali.get(0).canonical(), "the most frequent spelling so far");
      assertEquals(3, bali.get(0).documents());
    }

    // nothing new: an incremental pass has nothing to do and leaves the catalog alone
    EntityPass.Result idle = TestIndexes.indexAndResolve(index, false, src);
    assertFalse(idle.full());
    assertEquals(0, idle.resolved());

    Files.delete(catalog);
    try (SearchService search = SearchService.readOnly(index)) {
      assertEquals(List.of(), new EntityService(search).list(null, "", 10), "no catalog, no list");
    }
    EntityPass.Result missing = TestIndexes.indexAndResolve(index, false, src);
    assertTrue(missing.full(), "a missing catalog makes the pass full");
    assertEquals(4, missing.articles());
    assertTrue(Files.exists(catalog));

    Files.writeString(catalog, "{\"format\": 1, \"generation\": ");
    try (SearchService search = SearchService.readOnly(index)) {
      assertEquals(
          List.of(),
          new EntityService(search).list(null, "", 10),
          "a broken catalog lists nothing (and says so on stderr) instead of failing requests");
    }
    EntityPass.Result broken = TestIndexes.indexAndResolve(index, false, src);
    assertTrue(broken.full(), "a cut-short catalog makes the pass full");

    // the catalog of an earlier generation than the index commit (a crash between the two)
    Files.copy(older, catalog, StandardCopyOption.REPLACE_EXISTING);
    copy(seeds.subList(4, 5), src);
    EntityPass.Result stale = TestIndexes.indexAndResolve(index, false, src);
    assertTrue(stale.full(), "a catalog of another generation makes the pass full");
    assertEquals(5, stale.articles());
    assertEquals(4, entity(index, EntityType.PERSON, "Mustafa Bali").documents());
  }

  @Test
  void aReplacedSourceMakesThePassFullAndCountsStayExact() throws IOException {
    Path index = work.resolve("index");
    Path src = copy(seeds(), work.resolve("src"));
    TestIndexes.indexAndResolve(index, false, src);
    Path changed = src.resolve(seeds().get(0).getFileName());
    Files.writeString(changed, Files.readString(changed) + "\n\nMustafa Bali met Klaus Wendler.\n");
    EntityPass.Result pass = TestIndexes.indexAndResolve(index, false, src);
    assertTrue(pass.full(), "a replaced article was counted in the catalog: " + pass);
    assertEquals(5, pass.articles());
    assertEquals(5, entity(index, EntityType.PERSON, "Mustafa Bali").documents());
  }

  /** The one person whose name starts with "bal" as a server lists it: canonical name, articles. */
  private static String bali(Path index) throws IOException {
    try (SearchService search = SearchService.readOnly(index)) {
      List<EntityService.EntitySummary> bali =
          new EntityService(search).list(EntityType.PERSON, "bal", 10);
      assertEquals(1, bali.size(), bali.toString());
      return bali.get(0).canonical() + ", " + bali.get(0).documents();
    }
  }

  @Test
  void theCatalogIsGzippedAndAPlainOneIsReadUntilTheNextPassReplacesIt() throws IOException {
    Path index = work.resolve("index");
    List<Path> seeds = seeds();
    Path src = copy(seeds.subList(0, 4), work.resolve("src"));
    TestIndexes.indexAndResolve(index, false, src);
    Path gz = index.resolve(EntityCatalog.FILE_NAME);
    byte[] json;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      json = in.readAllBytes();
    }
    assertEquals('{', json[0], "gzipped JSON");
    assertTrue(Files.size(gz) * 3 < json.length, Files.size(gz) + " bytes for " + json.length);
    List<EntityCatalog.Entity> all = entities(index);

    // as an older Dateline left it: plain JSON under the old name
    Path plain = index.resolve(EntityCatalog.PLAIN_FILE_NAME);
    Files.write(plain, json);
    Files.delete(gz);
    assertEquals(plain, EntityCatalog.file(index));
    assertEquals(all, entities(index));
    assertEquals("Mostefa Bali, 3", bali(index));
    EntityPass.Result idle = TestIndexes.indexAndResolve(index, false, src);
    assertFalse(idle.full(), "the plain catalog is valid: " + idle);
    assertEquals(0, idle.resolved());

    // the next pass that changes the catalog writes it gzipped and removes the plain one
    copy(seeds.subList(4, 5), src);
    EntityPass.Result more = TestIndexes.indexAndResolve(index, false, src);
    assertFalse(more.full(), more.toString());
    assertTrue(Files.exists(gz));
    assertFalse(Files.exists(plain));
    assertEquals(gz, EntityCatalog.file(index));
    assertEquals("Mustafa Bali, 4", bali(index));
  }
}
