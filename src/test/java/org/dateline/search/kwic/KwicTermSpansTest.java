package org.dateline.search.kwic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.dateline.TestIndexes;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.QueryFactory;
import org.dateline.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KWIC spans found by re-analysing a hit's text against the query's body terms are exactly the
 * spans the Matches API reads from the postings, hit for hit, on the seed articles (real Tika, real
 * index): wildcards with many expansions, fuzzy terms, disjunctions, conjunctions, exclusions; and
 * the query shapes where that would not hold are recognised and left to the Matches API.
 */
class KwicTermSpansTest {

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

  @Test
  void reanalysisFindsTheSpansThePostingsHold() throws IOException {
    int[] compared = {0, 0}; // hits, spans
    Set<String> many = new HashSet<>();
    for (String q :
        List.of(
            "s*",
            "*s",
            "the*",
            "Syr*",
            "*ia",
            "Islam~1",
            "Islamik~1",
            "Baghuz~2",
            "Stat~1",
            "Syria OR Iraq OR Bali",
            "Islamic AND Syr*",
            "s* AND NOT Bali",
            "title:s* OR body:d*",
            "(Syria OR s*) AND (Iraq OR Deir)",
            "ezzor OR d*")) {
      forEachHit(
          q,
          (s, terms, weight, leaf, doc, a, label) -> {
            if (terms.size() >= Kwic.MANY_TERMS) {
              many.add(q);
            }
            List<List<Integer>> postings =
                asLists(Kwic.spans(weight, leaf, doc, a.text(), a.language()));
            assertEquals(postings, asLists(Kwic.termSpans(terms, a.text(), a.language())), label);
            compared[0]++;
            compared[1] += postings.size();
          });
    }
    assertTrue(
        compared[0] > 20 && compared[1] > 200,
        "hits and spans compared: " + compared[0] + ", " + compared[1]);
    assertTrue(many.size() >= 3, "queries expanding to many terms: " + many);
  }

  @Test
  void postingsGiveTheSpansTheMatchesApiGives() throws IOException {
    int[] compared = {0, 0, 0}; // hits, spans, hits with matched stems
    for (String q :
        List.of(
            "Syria",
            "state",
            "fighters",
            "killed",
            "strikes",
            "forces",
            "Syria OR Iraq OR Bali",
            "Islamic AND State",
            "Islamic AND Syr*",
            "(Syria OR fighters) AND (Iraq OR Deir)",
            "s* AND NOT Bali",
            "Stat~1",
            "title:s* OR body:d*",
            "ezzor OR killed")) {
      forEachHit(
          q,
          (s, terms, weight, leaf, doc, a, label) -> {
            Map<BytesRef, TermStates> states = Kwic.termStates(s, weight.getQuery(), terms);
            List<List<Integer>> matches =
                asLists(Kwic.spans(weight, leaf, doc, a.text(), a.language()));
            assertEquals(
                matches,
                asLists(
                    Kwic.postingSpans(weight, terms, states, leaf, doc, a.text(), a.language())),
                label);
            compared[0]++;
            compared[1] += matches.size();
            if (!StemTerms.matched(weight.getQuery(), leaf, doc).isEmpty()) {
              compared[2]++;
            }
          });
    }
    assertTrue(
        compared[0] > 40 && compared[1] > 300 && compared[2] > 20,
        "hits, spans, hits with stems compared: " + Arrays.toString(compared));
  }

  @Test
  void shapesWhoseMatchesTermsAloneCannotDecideAreLeftToMatches() throws IOException {
    for (String q :
        List.of(
            "\"Islamic State\"",
            "\"Deir ez-Zor\" AND Syria",
            "\"oil prices\"~5",
            "(Islamic AND State) OR Bali",
            "Bali OR (Syria AND NOT Iraq)",
            "Bali OR (Syria OR Deir -Iraq)",
            "ez-zor OR Bali",
            "ez-zor AND s*",
            "*")) {
      search.withSearcher(
          s -> {
            assertNull(Kwic.flatBodyTerms(s.rewrite(QueryFactory.parse(q))), q);
            return null;
          });
    }
  }

  /** A check of one hit of a query made of terms alone. */
  private interface HitCheck {
    void check(
        IndexSearcher s,
        Set<BytesRef> terms,
        Weight weight,
        LeafReaderContext leaf,
        int docInLeaf,
        Article a,
        String label)
        throws IOException;
  }

  /** Runs {@code check} on every hit (up to 100) of {@code q}, whose matches terms alone decide. */
  private static void forEachHit(String q, HitCheck check) throws IOException {
    search.withSearcher(
        s -> {
          Query rewritten = s.rewrite(QueryFactory.parse(q));
          Set<BytesRef> terms = Kwic.flatBodyTerms(rewritten);
          assertNotNull(terms, q + " has only terms in it: " + rewritten);
          Weight weight = s.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
          List<LeafReaderContext> leaves = s.getIndexReader().leaves();
          for (ScoreDoc sd : s.search(rewritten, 100).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            Article a = Schema.toArticle(s.storedFields().document(sd.doc));
            check.check(s, terms, weight, leaf, sd.doc - leaf.docBase, a, q + " / doc " + sd.doc);
          }
          return null;
        });
  }

  private static List<List<Integer>> asLists(List<int[]> spans) {
    List<List<Integer>> out = new ArrayList<>();
    for (int[] span : spans) {
      out.add(List.of(span[0], span[1]));
    }
    return out;
  }
}
