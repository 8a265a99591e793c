package org.dateline.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Facet results from counts by global ordinal ({@link FacetOrdinals}), answering as Lucene's {@code
 * SortedSetDocValuesFacetCounts} does for flat dimensions: top values by count, ties in label
 * order; every value in label order; a multi-valued dimension's own count unknown (-1) unless the
 * configuration indexes it. Labels are read through doc values of their own per call, so one
 * instance may serve several requests at once.
 */
final class OrdinalCounts extends Facets {

  private final SortedSetDocValuesReaderState state;
  private final int[] counts;

  /**
   * The labels, opened at the first dimension asked for and kept for the others (opening them
   * builds a view over every segment). Not shared between threads: a count shared by requests is
   * read through {@link SharedCounts}.
   */
  private SortedSetDocValues labels;

  /** The searcher's labels already read ({@link OrdLabels}), or null: each read on every call. */
  private final OrdLabels known;

  OrdinalCounts(SortedSetDocValuesReaderState state, int[] counts) {
    this(state, counts, null);
  }

  OrdinalCounts(SortedSetDocValuesReaderState state, int[] counts, OrdLabels known) {
    this.state = state;
    this.counts = counts;
    this.known = known;
  }

  private record Child(int ord, int count) {}

  /** Lowest first: the smaller count, or at equal counts the later label. */
  private static final Comparator<Child> WORST_FIRST =
      Comparator.comparingInt(Child::count)
          .thenComparing(Comparator.comparingInt(Child::ord).reversed());

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    OrdRange range = range(dim, path);
    if (range == null) {
      return null;
    }
    PriorityQueue<Child> top = new PriorityQueue<>(WORST_FIRST);
    int children = 0;
    long sum = 0;
    for (int ord = first(dim, range); ord <= range.end(); ord++) {
      int count = counts[ord];
      if (count > 0) {
        children++;
        sum += count;
        if (top.size() < topN) {
          top.add(new Child(ord, count));
        } else if (WORST_FIRST.compare(new Child(ord, count), top.peek()) > 0) {
          top.poll();
          top.add(new Child(ord, count));
        }
      }
    }
    if (children == 0) {
      return null;
    }
    List<Child> best = new ArrayList<>(top);
    best.sort(WORST_FIRST.reversed());
    return result(dim, path, range, sum, best, children);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    OrdRange range = range(dim, path);
    if (range == null) {
      return null;
    }
    List<Child> all = new ArrayList<>();
    long sum = 0;
    for (int ord = first(dim, range); ord <= range.end(); ord++) {
      if (counts[ord] > 0) {
        all.add(new Child(ord, counts[ord]));
        sum += counts[ord];
      }
    }
    return all.isEmpty() ? null : result(dim, path, range, sum, all, all.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) {
      throw new IllegalArgumentException("path must be length=1");
    }
    int ord =
        (int) state.getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    validateTopN(topN);
    List<FacetResult> out = new ArrayList<>();
    for (String dim : state.getDims()) {
      FacetResult r = getTopChildren(topN, dim);
      if (r != null) {
        out.add(r);
      }
    }
    out.sort(
        Comparator.comparingInt((FacetResult r) -> -r.value.intValue()).thenComparing(r -> r.dim));
    return out;
  }

  private OrdRange range(String dim, String... path) {
    if (path.length > 0) {
      throw new IllegalArgumentException(
          "Field is not configured as hierarchical, path should be 0 length");
    }
    return state.getOrdRange(dim);
  }

  /** A multi-valued dimension whose own count is indexed has it at the first ordinal. */
  private int first(String dim, OrdRange range) {
    FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
    return config.multiValued && config.requireDimCount ? range.start() + 1 : range.start();
  }

  /** {@code FacetsConfig.pathToString}'s escape character (not public in Lucene). */
  private static final char ESCAPE_CHAR = '\u001E';

  /**
   * The last part of {@code encoded} (a facet value's indexed path), as {@code
   * FacetsConfig.stringToPath} gives it: directly when nothing in it is escaped (every value but
   * one holding a control character), without the array of parts and their copies.
   */
  static String label(String encoded) {
    if (encoded.indexOf(ESCAPE_CHAR) >= 0) {
      String[] parts = FacetsConfig.stringToPath(encoded);
      return parts[parts.length - 1];
    }
    return encoded.substring(encoded.lastIndexOf(FacetsConfig.DELIM_CHAR) + 1);
  }

  /** The label of the value at {@code ord}: known to the searcher, else read and made known. */
  private String label(int ord) throws IOException {
    String label = known == null ? null : known.get(ord);
    if (label == null) {
      if (labels == null) {
        labels = state.getDocValues();
      }
      label = label(labels.lookupOrd(ord).utf8ToString());
      if (known != null) {
        known.put(ord, label);
      }
    }
    return label;
  }

  private FacetResult result(
      String dim, String[] path, OrdRange range, long sum, List<Child> children, int childCount)
      throws IOException {
    FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
    long value = !config.multiValued ? sum : config.requireDimCount ? counts[range.start()] : -1;
    LabelAndValue[] values = new LabelAndValue[children.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = new LabelAndValue(label(children.get(i).ord()), children.get(i).count());
    }
    return new FacetResult(dim, path, (int) value, values, childCount);
  }
}
