package org.dateline.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.util.BytesRef;

/**
 * Facet counts that many requests share (every article's counts, kept per searcher). The counts
 * themselves never change, but turning an ordinal into its label reads doc values through one
 * stateful {@code SortedSetDocValues}, which is not thread-safe: two requests looking labels up at
 * once corrupted each other's reads ("match offset ... is invalid" from LZ4, seen under {@code
 * dateline bench nrt}). So each dimension's full answer is computed once, under a lock, and then
 * served from memory (the top values are picked from it); the other calls are rare and simply take
 * the lock. Thread-safe.
 */
final class SharedCounts extends Facets {

  private final Facets counts;
  private final Map<List<String>, Optional<FacetResult>> all = new ConcurrentHashMap<>();

  SharedCounts(Facets counts) {
    this.counts = counts;
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    List<String> key = new ArrayList<>(path.length + 1);
    key.add(dim);
    key.addAll(List.of(path));
    Optional<FacetResult> known = all.get(key);
    if (known == null) {
      synchronized (this) {
        known = all.get(key);
        if (known == null) {
          known = Optional.ofNullable(counts.getAllChildren(dim, path));
          all.put(key, known);
        }
      }
    }
    return known.orElse(null);
  }

  /** From the dimension's full answer in memory: no label look-up, no lock on a warm path. */
  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    return top(getAllChildren(dim, path), topN);
  }

  /**
   * The {@code topN} highest counts of a full answer; ties in label order, as Lucene's own
   * sorted-set counts break them (ordinals follow the labels' byte order). Null stays null.
   */
  static FacetResult top(FacetResult all, int topN) {
    if (all == null) {
      return null;
    }
    LabelAndValue[] top =
        Arrays.stream(all.labelValues)
            .sorted(
                Comparator.comparingLong((LabelAndValue lv) -> -lv.value.longValue())
                    .thenComparing(lv -> new BytesRef(lv.label)))
            .limit(topN)
            .toArray(LabelAndValue[]::new);
    return new FacetResult(all.dim, all.path, all.value, top, all.childCount);
  }

  @Override
  public synchronized Number getSpecificValue(String dim, String... path) throws IOException {
    return counts.getSpecificValue(dim, path);
  }

  @Override
  public synchronized List<FacetResult> getAllDims(int topN) throws IOException {
    return counts.getAllDims(topN);
  }

  @Override
  public synchronized List<FacetResult> getTopDims(int topNDims, int topNChildren)
      throws IOException {
    return counts.getTopDims(topNDims, topNChildren);
  }
}
