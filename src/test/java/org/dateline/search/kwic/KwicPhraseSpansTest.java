package org.dateline.search.kwic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
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
 * KWIC spans of exact body phrases read from their words' positions ({@link BodyPhrases}) are the
 * spans the Matches API gives, hit for hit, on the first two files of Reuters-21578: the phrases of
 * the benchmark mix, and dotted or hyphenated words that make a choice of phrases; the shapes it
 * does not read are recognised and left to the Matches API.
 */
class KwicPhraseSpansTest {

  @TempDir static Path tmp;
  static SearchService search;

  @BeforeAll
  static void open() throws IOException {
    search = SearchService.readOnly(TestIndexes.reutersSample(tmp));
  }

  @AfterAll
  static void close() throws IOException {
    if (search != null) {
      search.close();
    }
  }

  /** The mix's exact phrases (as `bench peer` sends them, in the body), and a few of our own. */
  private static List<String> phrases() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("bench/mix-reuters.txt"))) {
      if (line.contains("kind=phrase-title/")) {
        out.add("body:(" + line.substring(0, line.indexOf('|')).strip() + ")");
      }
    }
    out.addAll(
        List.of(
            "body:(\"U.S. officials\")",
            "body:(\"U.S. Treasury\")",
            "body:(\"mln dlrs\")",
            "body:(\"the company said\")",
            "body:(\"said the\")",
            "body:(\"pct of the\")",
            "body:(\"year-on-year\")",
            "body:(\"West German\")"));
    return out;
  }

  @Test
  void positionsGiveTheSpansTheMatchesApiGives() throws IOException {
    int[] compared = {0, 0, 0}; // queries read from positions, hits, spans
    List<String> left = new ArrayList<>();
    for (String q : phrases()) {
      search.withSearcher(
          s -> {
            Query rewritten = s.rewrite(QueryFactory.parse(q));
            BodyPhrases phrases = BodyPhrases.of(s, rewritten);
            if (phrases == null) {
              left.add(q);
              return null;
            }
            compared[0]++;
            Weight weight = s.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (ScoreDoc sd : s.search(rewritten, 60).scoreDocs) {
              List<LeafReaderContext> leaves = s.getIndexReader().leaves();
              LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
              int doc = sd.doc - leaf.docBase;
              Article a = Schema.toArticle(s.storedFields().document(sd.doc));
              List<List<Integer>> matches =
                  asLists(Kwic.spans(weight, leaf, doc, a.text(), a.language()));
              assertEquals(
                  matches,
                  asLists(phrases.spans(weight, leaf, doc, a.text(), a.language())),
                  q + " / doc " + sd.doc);
              compared[1]++;
              compared[2] += matches.size();
            }
            return null;
          });
    }
    assertTrue(
        compared[0] > 100 && compared[1] > 1000 && compared[2] > 1500,
        "queries, hits, spans compared: " + Arrays.toString(compared) + "; left: " + left);
  }

  @Test
  void otherShapesAreLeftToTheMatchesApi() throws IOException {
    search.withSearcher(
        s -> {
          for (String q :
              List.of(
                  "body:(\"oil prices\"~5)",
                  "body:(\"the the\")",
                  "\"oil prices\"",
                  "body:(\"oil prices\" AND Kuwait)",
                  "body:(\"oil prices\" OR crude)",
                  "body:(oil)",
                  "title:(\"oil prices\")")) {
            assertNull(BodyPhrases.of(s, s.rewrite(QueryFactory.parse(q))), q);
          }
          assertNotNull(BodyPhrases.of(s, s.rewrite(QueryFactory.parse("body:(\"oil prices\")"))));
          assertNotNull(
              BodyPhrases.of(s, s.rewrite(QueryFactory.parse("body:(\"U.S. officials\")"))));
          return null;
        });
  }

  private static List<List<Integer>> asLists(List<int[]> spans) {
    List<List<Integer>> out = new ArrayList<>();
    for (int[] s : spans) {
      out.add(List.of(s[0], s[1]));
    }
    return out;
  }
}
