package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcherFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's date filter ({@link QueryFactory#dayFilter}) finds the articles the points query
 * ({@link QueryFactory#dayRange}) finds, by either of its two ways, on the first two files of
 * Reuters-21578 (2,000 stories from February and March 1987); and the searchers cache it after two
 * uses, as Lucene caches a points query.
 */
class DayFilterTest {

  @TempDir static Path tmp;

  private static DirectoryReader reader;

  /** A searcher as the server opens them ({@link FacetSearcherFactory}). */
  private static IndexSearcher searcher;

  /** Words from very rare to very common, so that the filter is led by few and by many articles. */
  private static final List<String> WORDS =
      List.of("said", "oil", "tonnes", "dividend", "cocoa", "opec", "ecuador", "strike");

  @BeforeAll
  static void openTwoReutersFiles() throws IOException {
    reader = DirectoryReader.open(FSDirectory.open(TestIndexes.reutersSample(tmp)));
    searcher = new FacetSearcherFactory(null).newSearcher(reader, null);
  }

  @AfterAll
  static void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  /** One day, a week, a month, the whole sample and beyond, and a range with no articles. */
  private static List<LocalDate[]> ranges() {
    List<LocalDate[]> out = new ArrayList<>();
    LocalDate first = LocalDate.of(1987, 2, 26);
    for (int d = 0; d < 12; d++) {
      out.add(new LocalDate[] {first.plusDays(d), first.plusDays(d)});
      out.add(new LocalDate[] {first.plusDays(d), first.plusDays(d + 6)});
    }
    out.add(new LocalDate[] {LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31)});
    out.add(new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)});
    out.add(new LocalDate[] {LocalDate.of(1990, 1, 1), LocalDate.of(1990, 12, 31)});
    return out;
  }

  @Test
  void eachWayOfTheFilterFindsWhatThePointsFind() throws IOException {
    IndexSearcher plain = new IndexSearcher(searcher.getIndexReader());
    plain.setQueryCache(null); // every query answered by its own scorer, never a cached set
    int compared = 0;
    int nonEmpty = 0;
    for (LocalDate[] r : ranges()) {
      Query points = QueryFactory.dayRange(r[0], r[1]);
      IndexOrDocValuesQuery filter = (IndexOrDocValuesQuery) QueryFactory.dayFilter(r[0], r[1]);
      List<Query> leads = new ArrayList<>();
      leads.add(new MatchAllDocsQuery());
      for (String w : WORDS) {
        leads.add(new TermQuery(new Term(Schema.BODY, w)));
      }
      for (Query lead : leads) {
        List<Integer> expected = docs(plain, and(lead, points));
        String what = lead + " " + r[0] + ".." + r[1];
        // the doc values' way alone, the points' way alone, and the filter choosing
        assertEquals(expected, docs(plain, and(lead, filter.getRandomAccessQuery())), what);
        assertEquals(expected, docs(plain, and(lead, filter.getIndexQuery())), what);
        assertEquals(expected, docs(plain, and(lead, filter)), what);
        compared++;
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(compared > 200 && nonEmpty > 100, compared + " compared, " + nonEmpty);
  }

  @Test
  void theSearchersCacheTheDateFilterAfterTwoUsesAsTheyCachedThePoints() throws IOException {
    QueryCachingPolicy policy = searcher.getQueryCachingPolicy();
    Query filter = QueryFactory.dayFilter(LocalDate.of(1987, 3, 2), LocalDate.of(1987, 3, 8));
    Query points = QueryFactory.dayRange(LocalDate.of(1987, 3, 9), LocalDate.of(1987, 3, 15));
    for (Query q : List.of(filter, points)) {
      policy.onUse(q);
      assertFalse(policy.shouldCache(q), "cached after one use: " + q);
      policy.onUse(q);
      assertTrue(policy.shouldCache(q), "not cached after two uses: " + q);
    }
    Query term = new TermQuery(new Term(Schema.BODY, "cocoa"));
    for (int i = 0; i < 10; i++) {
      policy.onUse(term);
    }
    assertFalse(policy.shouldCache(term), "a term is never cached (Lucene's default)");
  }

  private static Query and(Query lead, Query filter) {
    return new BooleanQuery.Builder()
        .add(lead, BooleanClause.Occur.MUST)
        .add(filter, BooleanClause.Occur.FILTER)
        .build();
  }

  private static List<Integer> docs(IndexSearcher searcher, Query q) throws IOException {
    List<Integer> out = new ArrayList<>();
    for (ScoreDoc sd :
        searcher.search(q, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
      out.add(sd.doc);
    }
    out.sort(null);
    return out;
  }
}
