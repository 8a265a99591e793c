package org.dateline.search.facet;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;
import org.dateline.index.Schema;

/**
 * Facet counts in stories instead of articles ({@code count=stories}): a value's count is the
 * number of different stories among the matching articles that carry it, so fifty copies of one
 * wire story count once. Each (value, story) pair is packed in one long, the pairs sorted and the
 * distinct ones counted per value. Stateless.
 */
public final class StoryCounts {

  private StoryCounts() {}

  /** Story counts of {@code hits} for every dimension ({@code searcher} must have facets). */
  public static Facets of(FacetSearcher searcher, FacetsCollector hits) throws IOException {
    var state = searcher.facetState();
    SortedSetDocValues all = state.getDocValues();
    OrdinalMap map =
        all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    Map<Long, Integer> storyIndex = new HashMap<>();
    long[] pairs = new long[1024];
    int n = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      var leaf = md.context();
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), state.getField());
      NumericDocValues stories = DocValues.getNumeric(leaf.reader(), Schema.STORY);
      LongValues toGlobal = map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf.ord);
      DocIdSetIterator docs = md.bits() == null ? null : md.bits().iterator();
      if (docs == null) {
        continue;
      }
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (!values.advanceExact(doc)) {
          continue;
        }
        // An article without a story (never expected) is a story of its own.
        long story = stories.advanceExact(doc) ? stories.longValue() : ~(leaf.docBase + (long) doc);
        long s = storyIndex.computeIfAbsent(story, k -> storyIndex.size());
        for (int i = 0; i < values.docValueCount(); i++) {
          if (n == pairs.length) {
            pairs = Arrays.copyOf(pairs, n * 2);
          }
          pairs[n++] = (toGlobal.get(values.nextOrd()) << 32) | s;
        }
      }
    }
    Arrays.sort(pairs, 0, n);
    int[] counts = new int[state.getSize()];
    for (int i = 0; i < n; i++) {
      if (i == 0 || pairs[i] != pairs[i - 1]) {
        counts[(int) (pairs[i] >>> 32)]++;
      }
    }
    return new OrdinalCounts(state, counts);
  }
}
