package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.config.Limits;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcherFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searchers keep a facet filter's articles as a cached set from its first use (as Solr's filter
 * cache keeps every {@code fq}), and a filtered request finds the same articles from the cached
 * sets as from the postings, on the first two files of Reuters-21578 (2,000 stories, the corpus's
 * codes as entities).
 */
class FacetFilterCacheTest {

  @TempDir static Path tmp;

  private static DirectoryReader reader;

  /** A searcher as the server opens them ({@link FacetSearcherFactory}). */
  private static IndexSearcher searcher;

  /** Queries of the mix's kinds: a frequent and a rarer word, OR, a phrase, a prefix. */
  private static final List<String> QUERIES =
      List.of("said", "oil", "trade OR tariffs", "\"the company\"", "bank*");

  /** Values of the sample, common to rare, and one it does not hold. */
  private static final List<String> PLACES = List.of("usa", "uk", "japan", "brazil", "atlantis");

  private static final List<String> ORGANIZATIONS = List.of("opec", "ec", "gatt", "imf");

  @BeforeAll
  static void openTwoReutersFiles() throws IOException {
    reader = DirectoryReader.open(FSDirectory.open(TestIndexes.reutersSample(tmp)));
    searcher = new FacetSearcherFactory(null).newSearcher(reader, null);
    // Lucene's default cache leaves out segments under 10,000 articles (the sample's are smaller):
    // one that takes every segment, with the server's caching policy.
    searcher.setQueryCache(new LRUQueryCache(1000, 32 << 20, leaf -> true, 10f));
  }

  @AfterAll
  static void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  @Test
  void aFacetValueIsCachedFromItsFirstUseAndAWordNever() throws IOException {
    QueryCachingPolicy policy = searcher.getQueryCachingPolicy();
    Query place = facetTerm(Schema.PLACE, "usa");
    policy.onUse(place);
    assertTrue(policy.shouldCache(place), "a facet value not cached at its first use");
    Query word = new TermQuery(new Term(Schema.BODY, "usa"));
    for (int i = 0; i < 10; i++) {
      policy.onUse(word);
    }
    assertFalse(policy.shouldCache(word), "a word is never cached (Lucene's default)");
    Query sameTextOtherField = new TermQuery(new Term(Schema.ID, place.toString()));
    policy.onUse(sameTextOtherField);
    assertFalse(policy.shouldCache(sameTextOtherField), "only the facet fields' terms");
  }

  @Test
  void filteredRequestsFindTheSameArticlesFromTheCachedSets() throws IOException {
    IndexSearcher plain = new IndexSearcher(reader);
    plain.setQueryCache(null); // every filter read from its postings
    LRUQueryCache cache = (LRUQueryCache) searcher.getQueryCache();
    int compared = 0;
    int nonEmpty = 0;
    for (String q : QUERIES) {
      Query query = plain.rewrite(QueryFactory.parse("body:(" + q + ")", Limits.defaults()));
      for (String place : PLACES) {
        for (String org : ORGANIZATIONS) {
          for (Map<String, List<String>> filters :
              List.of(
                  Map.of(Schema.PLACE, List.of(place)),
                  filters(Schema.PLACE, place, Schema.ORGANIZATION, org))) {
            DrillDownQuery drill = SearchPlan.drillDown(query, request(filters));
            List<Integer> expected = docs(plain, drill);
            String what = q + " " + filters;
            assertEquals(expected, docs(searcher, drill), what + ", first use");
            long hits = cache.getHitCount();
            assertEquals(expected, docs(searcher, drill), what + ", from the cache");
            assertTrue(cache.getHitCount() > hits, what + ": the second use missed the cache");
            compared++;
            nonEmpty += expected.isEmpty() ? 0 : 1;
          }
        }
      }
    }
    assertEquals(200, compared);
    assertEquals(118, nonEmpty, "requests that find articles");
  }

  private static Map<String, List<String>> filters(String dim1, String v1, String dim2, String v2) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put(dim1, List.of(v1));
    out.put(dim2, List.of(v2));
    return out;
  }

  private static SearchRequest request(Map<String, List<String>> filters) {
    return new SearchRequest("x", filters, null, null, SortOrder.RELEVANCE, 1, 10, null, 3, 10);
  }

  private static Query facetTerm(String dim, String value) {
    String field = Schema.facetsConfig().getDimConfig(dim).indexFieldName;
    return new TermQuery(new Term(field, FacetsConfig.pathToString(dim, new String[] {value})));
  }

  private static List<Integer> docs(IndexSearcher s, Query q) throws IOException {
    List<Integer> out = new ArrayList<>();
    for (ScoreDoc sd : s.search(q, Math.max(1, reader.maxDoc())).scoreDocs) {
      out.add(sd.doc);
    }
    out.sort(null);
    return out;
  }
}
