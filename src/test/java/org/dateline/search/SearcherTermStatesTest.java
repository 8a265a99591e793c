package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;

class SearcherTermStatesTest {

  private static final String[] TEXTS = {
    "tonnes of wheat and tonne of maize",
    "the tonnage rose",
    "wheat tonnes tonnes tonnes",
    "toner and tone",
    "tonnes",
    "maize tonne wheat wheat",
    "nothing here",
    "tonnage tonnes tone tones"
  };

  /** Three segments; the second document deleted. */
  private static Directory index() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < TEXTS.length; i++) {
        Document d = new Document();
        d.add(new StringField("n", Integer.toString(i), Field.Store.NO));
        d.add(new TextField("f", TEXTS[i], Field.Store.NO));
        w.addDocument(d);
        if (i == 2 || i == 5) {
          w.commit();
        }
      }
      w.deleteDocuments(new Term("n", "1"));
    }
    return dir;
  }

  private static List<Query> queries() {
    PrefixQuery prefix =
        new PrefixQuery(new Term("f", "ton"), MultiTermQuery.SCORING_BOOLEAN_REWRITE);
    return List.of(
        prefix,
        new WildcardQuery(
            new Term("f", "t*e*"),
            org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
            MultiTermQuery.SCORING_BOOLEAN_REWRITE),
        new FuzzyQuery(new Term("f", "tonnas"), 2),
        new BooleanQuery.Builder()
            .add(prefix, BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term("f", "wheat")), BooleanClause.Occur.SHOULD)
            .build());
  }

  @Test
  void everyPassUsesTheWalksLookUpsAndFindsTheSameHitsWithTheSameScores() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(3, reader.leaves().size());
      IndexSearcher real = new IndexSearcher(reader);
      real.setSimilarity(Schema.similarity());
      IndexSearcher wrapper = new IndexSearcher(ExitableDirectoryReader.wrap(reader, () -> false));
      wrapper.setSimilarity(Schema.similarity());
      IndexReaderContext to = real.getTopReaderContext();
      // ton*: tone tones tonne tonnes tonnage toner; t*e*: those and the; tonnas~2: tonne tonnes
      // tones tonnage; ton* and wheat
      int[] expected = {6, 7, 4, 7};
      List<Query> queries = queries();
      for (int i = 0; i < queries.size(); i++) {
        Query walked = wrapper.rewrite(queries.get(i));
        Query moved = SearcherTermStates.moved(walked, wrapper.getTopReaderContext(), to);
        List<TermQuery> terms = termQueries(moved);
        assertEquals(expected[i], terms.size(), moved.toString());
        for (TermQuery t : terms) {
          if (t.getTermStates() != null) {
            assertTrue(t.getTermStates().wasBuiltFor(to), t.toString());
            assertEquals(reader.docFreq(t.getTerm()), t.getTermStates().docFreq(), t.toString());
          }
        }
        // before: the walk's states ignored by the real searcher, every word looked up again
        assertSameHits(real.search(walked, 10), real.search(moved, 10), moved.toString());
        assertEquals(real.count(walked), real.count(moved));
      }
    }
  }

  @Test
  void aQueryWithoutStatesForTheWalkedReaderIsLeftAsItIs() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher real = new IndexSearcher(reader);
      Query walked = real.rewrite(queries().get(0)); // states built for the real reader already
      assertSame(
          walked,
          SearcherTermStates.moved(
              walked,
              new IndexSearcher(ExitableDirectoryReader.wrap(reader, () -> false))
                  .getTopReaderContext(),
              real.getTopReaderContext()));
    }
  }

  private static void assertSameHits(TopDocs before, TopDocs after, String what) {
    assertEquals(before.totalHits, after.totalHits, what);
    assertEquals(before.scoreDocs.length, after.scoreDocs.length, what);
    for (int i = 0; i < before.scoreDocs.length; i++) {
      ScoreDoc b = before.scoreDocs[i];
      ScoreDoc a = after.scoreDocs[i];
      assertEquals(b.doc, a.doc, what);
      assertEquals(Float.floatToIntBits(b.score), Float.floatToIntBits(a.score), what);
    }
  }

  private static List<TermQuery> termQueries(Query q) {
    List<TermQuery> out = new ArrayList<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }

          @Override
          public void consumeTerms(Query query, Term... terms) {
            if (query instanceof TermQuery t) {
              out.add(t);
            }
          }
        });
    return out;
  }
}
