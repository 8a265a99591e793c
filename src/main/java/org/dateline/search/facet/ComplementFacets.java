package org.dateline.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.dateline.index.Schema;

/**
 * Exact facet counts for a query that matches most of the archive ("said", "the", a year): every
 * article's counts, which the searcher keeps, minus the counts of the articles the query does not
 * match. Counting the few non-matching articles costs a fraction of counting the many matching
 * ones, and the answer is the same number.
 */
public final class ComplementFacets extends Facets {

  /** Above this share of the archive, counting the rest is cheaper. */
  static final double DENSE = 0.5;

  private final Facets every;
  private final Facets rest;

  private ComplementFacets(Facets every, Facets rest) {
    this.every = every;
    this.rest = rest;
  }

  /** Whether {@code hits}, {@code total} of them, are better counted from their complement. */
  public static boolean worthIt(FacetSearcher searcher, long total) {
    return searcher.hasFacets() && total > DENSE * searcher.getIndexReader().numDocs();
  }

  /** The live articles that {@code hits} leave out, as a collector of their own. */
  public static FacetsCollector outside(FacetSearcher searcher, FacetsCollector hits)
      throws IOException {
    // A segment without a single hit has no entry in the collector: all of it is outside.
    Map<Object, FacetsCollector.MatchingDocs> byLeaf = new HashMap<>();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      byLeaf.put(md.context().id(), md);
    }
    List<FacetsCollector.MatchingDocs> others = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      others.add(complement(leaf, byLeaf.get(leaf.id())));
    }
    return new FacetsCollector() {
      @Override
      public List<MatchingDocs> getMatchingDocs() {
        return others;
      }
    };
  }

  /** The facet counts of the hits that left {@code outside} out. */
  public static Facets of(FacetSearcher searcher, FacetsCollector outside) throws IOException {
    return new ComplementFacets(searcher.everyArticle(), searcher.counts(outside));
  }

  /**
   * The counts of dimension {@code dim} of {@code hits} (with {@code total} of them), directly or
   * from their complement; the other dimensions are not counted.
   */
  public static Facets count(FacetSearcher searcher, FacetsCollector hits, long total, String dim)
      throws IOException {
    return worthIt(searcher, total)
        ? new ComplementFacets(
            searcher.everyArticle(), searcher.counts(outside(searcher, hits), dim))
        : searcher.counts(hits, dim);
  }

  private static FacetsCollector.MatchingDocs complement(
      LeafReaderContext leaf, FacetsCollector.MatchingDocs md) throws IOException {
    int maxDoc = leaf.reader().maxDoc();
    FixedBitSet rest = new FixedBitSet(maxDoc);
    rest.set(0, maxDoc);
    DocIdSetIterator it = md == null || md.bits() == null ? null : md.bits().iterator();
    if (it != null) {
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        rest.clear(d);
      }
    }
    Bits live = leaf.reader().getLiveDocs();
    if (live != null) {
      for (int d = rest.nextSetBit(0);
          d != DocIdSetIterator.NO_MORE_DOCS;
          d = d + 1 < maxDoc ? rest.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        if (!live.get(d)) {
          rest.clear(d);
        }
      }
    }
    int count = rest.cardinality();
    return new FacetsCollector.MatchingDocs(leaf, new BitDocIdSet(rest, count), count, null);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    FacetResult all = every.getAllChildren(dim, path);
    if (all == null) {
      return null;
    }
    Map<String, Long> outside = new HashMap<>();
    FacetResult restResult = rest.getAllChildren(dim, path);
    if (restResult != null) {
      for (LabelAndValue lv : restResult.labelValues) {
        outside.put(lv.label, lv.value.longValue());
      }
    }
    List<LabelAndValue> values = new ArrayList<>(all.labelValues.length);
    for (LabelAndValue lv : all.labelValues) {
      long count = lv.value.longValue() - outside.getOrDefault(lv.label, 0L);
      if (count > 0) {
        values.add(new LabelAndValue(lv.label, count));
      }
    }
    long value =
        all.value.longValue() < 0 || restResult == null
            ? all.value.longValue()
            : all.value.longValue() - restResult.value.longValue();
    return new FacetResult(dim, path, value, values.toArray(LabelAndValue[]::new), values.size());
  }

  /** Highest counts first; ties in label order, as Lucene's own counts break them. */
  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    return SharedCounts.top(getAllChildren(dim, path), topN);
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    return every.getSpecificValue(dim, path).longValue()
        - rest.getSpecificValue(dim, path).longValue();
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> out = new ArrayList<>();
    for (String dim : Schema.FACET_DIMS) {
      FacetResult r = getTopChildren(topN, dim);
      if (r != null && r.labelValues.length > 0) {
        out.add(r);
      }
    }
    return out;
  }
}
