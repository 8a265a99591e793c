package org.dateline.search.facet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dateline.search.Deadline;
import org.dateline.search.SearchTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request's deadline holds inside one segment (attack, session 19): a query with many candidates
 * and few matches (on a 200,000-article archive, a phrase of 900 common words: every article a
 * candidate, none a match) gave its collector nothing to collect, so the deadline was looked at
 * only when a segment began, and one segment could run seconds past it. The searcher now scores a
 * bounded request's segment in windows and looks at the deadline before each.
 */
class DeadlineWindowsTest {

  static final int DOCS = 3 * FacetSearcher.DEADLINE_WINDOW + 123;
  static Directory dir;
  static DirectoryReader reader;
  static FacetSearcher searcher;

  @BeforeAll
  static void oneSegment() throws IOException {
    dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < DOCS; i++) {
        Document d = new Document();
        d.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
        w.addDocument(d);
      }
      w.forceMerge(1);
    }
    // Half the documents deleted, kept in the segment: the windows must skip them as Lucene does.
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      w.deleteDocuments(new Term("parity", "odd"));
    }
    reader = DirectoryReader.open(dir);
    searcher = new FacetSearcher(reader, null, null, null);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void aQueryThatCollectsNothingIsStoppedInsideTheSegment() {
    assertEquals(1, reader.leaves().size());
    assertEquals(DOCS / 2, reader.numDeletedDocs());
    Deadline deadline = Deadline.in(50);
    // Every document a candidate, none a match; 1 ms every 500 candidates: about 100 ms in all.
    assertThrows(
        SearchTimeoutException.class,
        () -> searcher.search(new SlowNothing(), deadline.bound(new FacetsCollectorManager())));
  }

  @Test
  void theWindowsCoverEveryDocumentOnce() throws IOException {
    FacetsCollector all =
        searcher.search(
            new MatchAllDocsQuery(), Deadline.in(60_000).bound(new FacetsCollectorManager()));
    assertEquals(reader.numDocs(), all.getMatchingDocs().get(0).totalHits());
    FacetsCollector even =
        searcher.search(
            new TermQuery(new Term("parity", "even")),
            Deadline.in(60_000).bound(new FacetsCollectorManager()));
    assertEquals((DOCS + 1) / 2, even.getMatchingDocs().get(0).totalHits());
    assertEquals(
        0,
        searcher
            .search(new SlowNothing(), Deadline.in(60_000).bound(new FacetsCollectorManager()))
            .getMatchingDocs()
            .get(0)
            .totalHits());
  }

  /** Every document a candidate, none a match, each 500th candidate 1 ms to check. */
  static final class SlowNothing extends Query {
    @Override
    public Weight createWeight(IndexSearcher s, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext ctx) {
          DocIdSetIterator all = DocIdSetIterator.all(ctx.reader().maxDoc());
          TwoPhaseIterator nothing =
              new TwoPhaseIterator(all) {
                @Override
                public boolean matches() {
                  if (approximation.docID() % 500 == 0) {
                    try {
                      Thread.sleep(1);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  return false;
                }

                @Override
                public float matchCost() {
                  return 1000;
                }
              };
          return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, nothing));
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
          return false;
        }
      };
    }

    @Override
    public String toString(String field) {
      return "slow nothing";
    }

    @Override
    public void visit(QueryVisitor visitor) {}

    @Override
    public boolean equals(Object o) {
      return o == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
