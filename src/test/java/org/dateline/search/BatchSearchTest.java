package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch answers each line exactly as a search of that line would: the same count, the same best
 * hits with the same first KWIC line, the outlets the search's facet lists, the first and last day
 * its date sorts find. Checked on 200 lines drawn from the seeds' own words.
 */
class BatchSearchTest {

  @TempDir static Path dir;
  static SearchService search;

  @BeforeAll
  static void open() throws IOException {
    search = TestIndexes.seedsSearch(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  /** 200 queries from the seeds' words: words, phrases, AND/OR, prefixes, fuzzy, bad syntax. */
  static List<String> generatedLines() throws IOException {
    List<String> words = new ArrayList<>();
    List<Article> articles = new ArrayList<>(TestIndexes.storedArticles(dir));
    articles.sort(java.util.Comparator.comparing(Article::path)); // index order may vary
    for (Article a : articles) {
      for (String w : a.text().split("[^\\p{L}]+")) {
        if (w.length() > 3) {
          words.add(w);
        }
      }
    }
    Random random = new Random(21);
    List<String> lines = new ArrayList<>();
    for (int i = 0; lines.size() < 200; i++) {
      String a = words.get(random.nextInt(words.size()));
      String b = words.get(random.nextInt(words.size()));
      lines.add(
          switch (i % 8) {
            case 0 -> a;
            case 1 -> "\"" + a + " " + b + "\"";
            case 2 -> a + " AND " + b;
            case 3 -> a + " OR " + b;
            case 4 -> a.substring(0, 3).toLowerCase(Locale.ROOT) + "*";
            case 5 -> a + "~";
            case 6 -> i % 16 == 6 ? "\"" + a : a + " NOT " + b; // half of them do not parse
            default -> "zzq" + a; // finds nothing
          });
    }
    return lines;
  }

  @Test
  void everyLineEqualsItsSearch() throws IOException {
    List<String> lines = generatedLines();
    SearchRequest base =
        new SearchRequest(
            "", Map.of(), null, LocalDate.of(2019, 3, 1), SortOrder.RELEVANCE, 1, 10, null, 3, 10);
    BatchOptions options = new BatchOptions(base, false, BatchOptions.EXACT, 3);
    List<BatchRow> rows = run(lines, options);
    assertEquals(200, rows.size());
    int errors = 0;
    int found = 0;
    for (int i = 0; i < rows.size(); i++) {
      BatchRow row = rows.get(i);
      assertEquals(i + 1, row.line());
      assertEquals(lines.get(i), row.query());
      errors += row.error() == null ? 0 : 1;
      found += row.articles() > 0 ? 1 : 0;
      assertSameAsSearch(row, base);
    }
    assertEquals(13, errors, "the unclosed quotes (lines 7, 23, ... 199)");
    // the 25 "zzq" lines find nothing, nor do some pairs and the lines of seed 002 (after March 1)
    assertTrue(found > 80, "most lines find something: " + found);
  }

  /** The stories the same search finds: its total with one hit per story. */
  private static long storiesOf(String query, SearchRequest base) throws IOException {
    return search
        .search(
            new SearchRequest(
                query, Map.of(), null, base.to(), SortOrder.RELEVANCE, 1, 3, null, 1, 1000),
            true)
        .total();
  }

  private static void assertSameAsSearch(BatchRow row, SearchRequest base) throws IOException {
    SearchResponse r;
    try {
      r =
          search.search(
              new SearchRequest(
                  row.query(),
                  Map.of(),
                  null,
                  base.to(),
                  SortOrder.RELEVANCE,
                  1,
                  3,
                  null,
                  1,
                  1000));
    } catch (BadRequestException e) {
      assertEquals(e.getMessage(), row.error(), row.query());
      return;
    }
    assertNull(row.error(), row.query());
    assertEquals(r.total(), row.articles(), row.query());
    assertEquals(storiesOf(row.query(), base), row.stories(), row.query());
    assertEquals(
        r.facets().get("outlet").stream()
            .filter(v -> !v.value().equals(Schema.UNKNOWN_OUTLET))
            .count(),
        row.outlets(),
        row.query());
    assertEquals(r.hits().size(), row.hits().size(), row.query());
    for (int h = 0; h < r.hits().size(); h++) {
      Hit hit = r.hits().get(h);
      assertEquals(hit.id(), row.hits().get(h).id(), row.query());
      assertEquals(hit.kwic().isEmpty() ? null : hit.kwic().get(0), row.hits().get(h).kwic());
    }
    assertEquals(edgeDay(row.query(), base, SortOrder.OLDEST), row.firstDate(), row.query());
    assertEquals(edgeDay(row.query(), base, SortOrder.NEWEST), row.lastDate(), row.query());
  }

  /** The day of the first hit in this date order (undated hits sort last either way). */
  private static String edgeDay(String q, SearchRequest base, SortOrder order) throws IOException {
    SearchResponse r =
        search.search(new SearchRequest(q, Map.of(), null, base.to(), order, 1, 1, null, 0, 0));
    return r.hits().isEmpty() || r.hits().get(0).date() == null
        ? null
        : r.hits().get(0).date().substring(0, 10);
  }

  @Test
  void goldenRowsOnTheSeeds() throws IOException {
    List<BatchRow> rows =
        run(
            List.of("Baghouz", "", "\"Syrian Democratic Forces\"", "Kurdish AND", "zzzqqq"),
            new BatchOptions(null, false, BatchOptions.EXACT, 2));
    assertEquals(4, rows.size(), "the blank line gets no row");
    BatchRow baghouz = rows.get(0);
    // seeds 000-003; 000 and 001 name no outlet, 002 and 003 are both Middle East Monitor
    assertEquals(4, baghouz.articles());
    assertEquals(1, baghouz.outlets());
    assertEquals("Middle East Monitor", baghouz.hits().get(0).outlet());
    assertEquals("Baghouz", baghouz.hits().get(0).kwic().match());
    assertEquals("2019-01-28", baghouz.firstDate());
    assertEquals("2019-03-05", baghouz.lastDate());
    assertEquals(3, rows.get(1).line());
    assertEquals(4, rows.get(1).articles());
    assertEquals(2, rows.get(1).outlets());
    assertNull(rows.get(1).error());
    assertEquals("Syrian Democratic Forces", rows.get(1).hits().get(0).kwic().match());
    assertEquals(4, rows.get(2).line());
    assertEquals(
        "the operator AND needs a word or phrase on both sides; remove it, or write it in"
            + " lower case (and) to search for the word itself",
        rows.get(2).error());
    assertEquals(0, rows.get(3).articles());
    assertNull(rows.get(3).error());
    assertNull(rows.get(3).firstDate());
  }

  @Test
  void proximityTurnsPlainWordsIntoANearPhrase() throws IOException {
    BatchSearch batch = new BatchSearch(search);
    BatchOptions near = new BatchOptions(null, false, 2, 1);
    assertEquals("\"Mustafa Bali\"~2", batch.queryOf("Mustafa Bali", near));
    assertEquals(
        "\"Mustafa Bali\"~2 AND Baghouz", batch.queryOf("\"Mustafa Bali\" AND Baghouz", near));
    assertEquals(
        "\"media office\"~1 AND \"SDF\"", batch.queryOf("\"media office\"~1 AND \"SDF\"", near));
    assertEquals("Baghouz", batch.queryOf("Baghouz", near));
    // "head of the SDF media office": head and office stand 4 positions apart
    List<BatchRow> rows = run(List.of("head office"), new BatchOptions(null, false, 2, 1));
    List<BatchRow> wider = run(List.of("head office"), new BatchOptions(null, false, 5, 1));
    assertEquals(0, rows.get(0).articles());
    assertEquals(2, wider.get(0).articles());
  }

  static List<BatchRow> run(List<String> lines, BatchOptions options) throws IOException {
    List<BatchRow> rows = new ArrayList<>();
    BatchProgress progress = BatchProgress.untracked(lines.size());
    new BatchSearch(search).run(lines, options, rows::add, progress);
    assertEquals(BatchProgress.State.DONE, progress.status().state());
    assertEquals(rows.size(), progress.status().done());
    Set<Integer> seen = new TreeSet<>();
    rows.forEach(r -> seen.add(r.line()));
    assertEquals(rows.size(), seen.size());
    return rows;
  }
}
