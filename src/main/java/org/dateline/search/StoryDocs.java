package org.dateline.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.dateline.index.Schema;

/**
 * The documents of one story, found on the calling thread. A story's point query matches a handful
 * of documents at most; sending it through the searcher's slice executor (a thread hop each way, a
 * top-docs collector per slice, the query cache's bookkeeping) cost more than the match itself,
 * once per hit of every page. Every match scores alike, so the first {@code max} in index order are
 * the ones a top-docs search keeps.
 */
final class StoryDocs {

  private StoryDocs() {}

  /** The global ids of up to {@code max} documents of story {@code story}, ascending. */
  static int[] of(IndexSearcher searcher, long story, int max) throws IOException {
    Weight weight =
        LongPoint.newExactQuery(Schema.STORY, story)
            .createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
    int[] out = new int[4];
    int n = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = n < max ? weight.scorer(leaf) : null;
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && n < max; d = it.nextDoc()) {
        if (live == null || live.get(d)) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = leaf.docBase + d;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }
}
