package org.dateline.search.kwic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.search.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stem postings hold no offsets (schema 6): KWIC finds an inflected match by re-analysing the
 * hit's text for the stem terms through which the query matched it, and marks none of a clause that
 * did not match.
 */
class StemSpansTest {

  static final String MINERS = "The miners were striking for a second week. Talks resumed.";

  @TempDir static Path dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;

  private static Article article(String id, String text) {
    return new Article(
        id,
        "/a/" + id + ".txt",
        "1",
        null,
        "A title",
        text,
        null,
        "Reuters",
        List.of(),
        List.of(),
        "en",
        "article",
        "h" + id,
        Map.of(),
        Map.of(),
        List.of(),
        null);
  }

  @BeforeAll
  static void index() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      index.add(new SourceFile("/a/m.txt", 1, 1, "h"), List.of(article("m", MINERS)));
      index.add(
          new SourceFile("/a/w.txt", 1, 1, "h"),
          List.of(article("w", "Workers struck a deal; the strike ends.")));
      index.commit(Map.of());
    }
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  /** The matched words of the miners' article for {@code q}, as re-analysis marks them. */
  private static List<String> marked(String q) throws IOException {
    Query rewritten = searcher.rewrite(QueryFactory.parse(q));
    Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
    int doc = searcher.search(new TermQuery(new Term(Schema.ID, "m")), 1).scoreDocs[0].doc;
    LeafReaderContext leaf = reader.leaves().get(0);
    List<String> words = new ArrayList<>();
    for (int[] span : Kwic.spans(weight, leaf, doc, MINERS, "en")) {
      words.add(MINERS.substring(span[0], span[1]));
    }
    return words;
  }

  @Test
  void stemPostingsHoldNeitherPositionsNorOffsets() {
    LeafReaderContext leaf = reader.leaves().get(0);
    assertEquals(
        IndexOptions.DOCS_AND_FREQS,
        leaf.reader().getFieldInfos().fieldInfo(Schema.BODY_STEM).getIndexOptions());
    assertEquals(
        IndexOptions.DOCS_AND_FREQS,
        leaf.reader().getFieldInfos().fieldInfo(Schema.TITLE_STEM).getIndexOptions());
    assertEquals(false, StemTerms.offsetsIndexed(leaf));
  }

  @Test
  void anInflectedFormIsMarkedWhereItStands() throws IOException {
    assertEquals(List.of("striking"), marked("strikes"));
    assertEquals(List.of("miners", "striking"), marked("strikes AND miners"));
    assertEquals(List.of("striking", "Talks"), marked("strikes talk"));
  }

  @Test
  void aClauseThatDidNotMatchMarksNothing() throws IOException {
    assertEquals(List.of("Talks"), marked("talk OR (strikes AND absent)"));
    assertEquals(List.of("miners", "striking", "Talks"), marked("talk OR (strikes AND miners)"));
    assertEquals(List.of("Talks"), marked("talk OR (strikes AND NOT miners)"));
    assertEquals(List.of("miners"), marked("miners AND NOT deal"));
  }

  @Test
  void aQueryTheArticleDoesNotMatchMarksNothing() throws IOException {
    assertEquals(List.of(), marked("strikes AND deal"));
  }
}
