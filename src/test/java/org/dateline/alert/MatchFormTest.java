package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dateline.config.Limits;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.search.SearchRequest;
import org.dateline.search.SortOrder;
import org.dateline.search.StandingQuery;
import org.junit.jupiter.api.Test;

/**
 * An alert's {@link MatchForm}, run by {@link MatchRun}, matches exactly the articles its Lucene
 * query matches: every kind of query the language has, with filters and dates, on a batch of four
 * articles (English and French) and on each article alone (the monitor's in-memory index).
 */
class MatchFormTest {

  static final String[][] ARTICLES = {
    {
      "Harbour strike", "Dockers at the harbour walked out on Monday. Prices rose.", "en", "Reuters"
    },
    {"Ferry sails", "The ferry left the quay at noon. Pricing was cut.", "en", "AFP"},
    {
      "Harbours reopen",
      "Harbours across the region reopened after the strike ended.",
      "en",
      "Reuters"
    },
    {"La grève du port", "Les dockers du port ont cessé le travail.", "fr", "AFP"},
  };

  static final List<String> QUERIES =
      List.of(
          "harbour",
          "harbours",
          "reopening",
          "\"harbour strike\"",
          "\"dockers harbour\"~3",
          "ferry OR quay",
          "harbour AND NOT strike",
          "NOT strike",
          "strike -harbour",
          "+harbour strike",
          "(harbour OR ferry) AND (strike OR noon)",
          "pric*",
          "pr*",
          "dock*",
          "title:harbour",
          "title:strike AND body:dockers",
          "harbor~1",
          "/harb.*/",
          "h?rbour",
          "date:[2019-02-02 TO 2019-02-03]",
          "ferry OR date:2019-02-04",
          "port",
          "grève",
          "travail OR cesser",
          "outlet:AFP",
          "U.S.-led",
          "harbour OR NOT ferry",
          "\"harbour walked\"",
          "\"at the harbour\"",
          "\"walked out on monday\"",
          "title:\"harbour strike\" OR \"left the quay\"",
          "\"strike ended\" AND date:[2019-02-01 TO 2019-02-03]",
          "\"du port\" OR \"port ont\"");

  static Document doc(int i) throws IOException {
    String[] a = ARTICLES[i];
    PubDate date =
        new PubDate(
            Instant.parse("2019-02-0" + (i + 1) + "T10:00:00Z"), PubDate.Precision.DAY, "t");
    Article article = NewArticles.of("id" + i, a[0], a[1], date, a[3], a[2]);
    return Schema.toDocument(article, new SourceFile(article.path(), 1, 1, "h"));
  }

  private static Query query(String q, Map<String, List<String>> filters, LocalDate from) {
    return StandingQuery.of(
        new SearchRequest(q, filters, from, null, SortOrder.NEWEST, 1, 10, null, 0, 0),
        Limits.defaults());
  }

  static List<Query> allQueries() {
    List<Query> all = new ArrayList<>();
    for (String q : QUERIES) {
      all.add(query(q, Map.of(), null));
      all.add(query(q, Map.of(Schema.OUTLET, List.of("Reuters")), null));
      all.add(query(q, Map.of(), LocalDate.of(2019, 2, 3)));
    }
    return all;
  }

  private static long lucene(IndexSearcher searcher, Query q) throws IOException {
    long bits = 0;
    for (ScoreDoc d : searcher.search(q, 100).scoreDocs) {
      bits |= 1L << d.doc;
    }
    return bits;
  }

  private static long lean(IndexSearcher searcher, Query q) throws IOException {
    return new MatchRun(searcher).docs(MatchForm.of(q));
  }

  @Test
  void aBatchOfArticlesMatchesAsLuceneSays() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.indexAnalyzer()))) {
        for (int i = 0; i < ARTICLES.length; i++) {
          w.addDocument(doc(i));
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertTrue(MatchRun.fits(searcher));
        for (Query q : allQueries()) {
          assertEquals(lucene(searcher, q), lean(searcher, q), q::toString);
        }
        // golden: stems, prefixes, negation alone, filters
        assertEquals(0b0101, lean(searcher, query("harbour", Map.of(), null)));
        assertEquals(0b0011, lean(searcher, query("pric*", Map.of(), null)));
        assertEquals(0b1001, lean(searcher, query("dock*", Map.of(), null)));
        assertEquals(0, lean(searcher, query("NOT strike", Map.of(), null)));
        assertEquals(0b0100, lean(searcher, query("harbour", Map.of(), LocalDate.of(2019, 2, 3))));
        assertEquals(
            0b0101, lean(searcher, query("*:*", Map.of(Schema.OUTLET, List.of("Reuters")), null)));
      }
    }
  }

  @Test
  void eachArticleAloneMatchesAsLuceneSays() throws Exception {
    int matched = 0;
    for (int i = 0; i < ARTICLES.length; i++) {
      String title = ARTICLES[i][0];
      MemoryIndex index = MemoryIndex.fromDocument(doc(i), Schema.indexAnalyzer(), true, false);
      IndexSearcher searcher = index.createSearcher();
      for (Query q : allQueries()) {
        long expected = lucene(searcher, q);
        assertEquals(expected, lean(searcher, q), () -> q + " on " + title);
        // the form numbered before the run: its words are told by the walk over the article's
        // terms, not looked up one by one
        MatchForm.Node form = MatchForm.of(q);
        MatchRun run = new MatchRun(searcher);
        assertTrue(run.wordsTold() > 0);
        assertEquals(expected, run.docs(form), () -> q + " on " + title + ", words told");
        matched += (int) expected;
      }
    }
    assertEquals(87, matched); // the pairs Lucene gives, of 4 x 99
  }

  @Test
  void wordsAndPrefixesNeedNoLuceneQuery() {
    assertFalse(hasLucene(MatchForm.of(query("harbour OR (ferry AND NOT pric*)", Map.of(), null))));
    assertFalse(
        hasLucene(MatchForm.of(query("harbour", Map.of(Schema.OUTLET, List.of("AFP")), null))));
    assertFalse(hasLucene(MatchForm.of(query("\"harbour strike\"", Map.of(), null))));
    assertFalse(hasLucene(MatchForm.of(query("ferry", Map.of(), LocalDate.of(2019, 2, 3)))));
    assertTrue(hasLucene(MatchForm.of(query("\"dockers harbour\"~3", Map.of(), null))));
    assertTrue(hasLucene(MatchForm.of(query("harbor~1", Map.of(), null))));
  }

  private static boolean hasLucene(MatchForm.Node n) {
    return switch (n) {
      case MatchForm.Lucene l -> true;
      case MatchForm.AnyOf a -> a.parts().stream().anyMatch(MatchFormTest::hasLucene);
      case MatchForm.AllOf a ->
          a.all().stream().anyMatch(MatchFormTest::hasLucene)
              || a.none().stream().anyMatch(MatchFormTest::hasLucene);
      default -> false;
    };
  }
}
