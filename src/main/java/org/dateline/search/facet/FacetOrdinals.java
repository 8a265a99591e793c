package org.dateline.search.facet;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;

/**
 * Every article's facet ordinals copied into the heap, one pair of int arrays per segment, so that
 * counting a request's matches adds up array entries instead of decoding doc values for every
 * match. Decoding was most of the facet work (and facet work most of a request's CPU) on large
 * archives: at a million articles, counting 200,000 matches took 11 ms from doc values and 5 ms
 * from these arrays; at 500,000 matches, 27 ms and 8 ms.
 *
 * <p>Segments never change, so each segment's arrays are kept for as long as the segment is open
 * and shared by every searcher that holds it (a near-real-time refresh loads only the new
 * segments); they are dropped when Lucene closes the segment. Counts come out by global ordinal,
 * i.e. exactly what Lucene's {@code SortedSetDocValuesFacetCounts} would count ({@link
 * OrdinalCounts} turns them into facet results, and a test compares the two on every dimension). An
 * archive whose ordinals would take more than the budget stays on Lucene's own counting.
 */
final class FacetOrdinals {

  /** A segment's ordinals: those of document d are {@code ords[start[d]..start[d+1])}. */
  record Segment(int[] start, int[] ords, int valueCount) {
    long bytes() {
      return 4L * (start.length + ords.length);
    }
  }

  /**
   * Per segment core, while it is open; shared by all searchers of the JVM. The budget holds per
   * reader: while an old searcher still holds segments a merge replaced, or two indexes are open,
   * the map may hold more.
   */
  private static final Map<IndexReader.CacheKey, Segment> LOADED = new ConcurrentHashMap<>();

  private final List<LeafReaderContext> leaves;
  private final Segment[] segments;

  /** Per segment, its ordinals' global ordinals in this reader (identity for one segment). */
  private final int[][] toGlobal;

  private final int size;

  private FacetOrdinals(
      List<LeafReaderContext> leaves, Segment[] segments, int[][] toGlobal, int size) {
    this.leaves = leaves;
    this.segments = segments;
    this.toGlobal = toGlobal;
    this.size = size;
  }

  /**
   * The ordinals of every segment of {@code state}'s reader, or null when they would take more than
   * {@code budgetBytes} of heap (Lucene's own counting is then used). Segments read here are kept
   * for later searchers only when the whole reader fits, so an archive over the budget pins nothing
   * new; and once some segments are known, the others are estimated at the same ordinals per
   * document first, so such an archive is not read again, up to the budget, at every refresh.
   */
  static FacetOrdinals load(SortedSetDocValuesReaderState state, long budgetBytes)
      throws IOException {
    List<LeafReaderContext> leaves = state.getReader().leaves();
    Segment[] segments = new Segment[leaves.size()];
    long bytes = 0;
    long knownDocs = 0;
    long knownOrds = 0;
    long unknownDocs = 0;
    for (LeafReaderContext leaf : leaves) {
      IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
      Segment s = helper == null ? null : LOADED.get(helper.getKey());
      if (s != null) {
        segments[leaf.ord] = s;
        bytes += s.bytes();
        knownDocs += s.start().length - 1;
        knownOrds += s.ords().length;
      } else {
        unknownDocs += leaf.reader().maxDoc();
      }
    }
    long estimate =
        bytes + 4L * unknownDocs + (knownDocs == 0 ? 0 : 4L * unknownDocs * knownOrds / knownDocs);
    if (estimate > budgetBytes) {
      return null;
    }
    Map<IndexReader.CacheHelper, Segment> read = new HashMap<>();
    for (LeafReaderContext leaf : leaves) {
      if (segments[leaf.ord] == null) {
        Segment s = read(leaf.reader(), state.getField(), budgetBytes - bytes);
        if (s == null) {
          return null;
        }
        bytes += s.bytes();
        segments[leaf.ord] = s;
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper != null) {
          read.put(helper, s);
        }
      }
    }
    int[][] toGlobal = toGlobal(state, segments, budgetBytes - bytes);
    if (toGlobal == null) {
      return null;
    }
    read.forEach(
        (helper, s) -> {
          if (LOADED.putIfAbsent(helper.getKey(), s) == null) {
            helper.addClosedListener(LOADED::remove);
          }
        });
    return new FacetOrdinals(leaves, segments, toGlobal, state.getSize());
  }

  /**
   * Lucene's ordinal map, read out into plain arrays for this reader (a few MB at a million
   * articles, rebuilt per searcher as the global ordinals change with every new segment); null when
   * the arrays would take more than {@code budgetLeft} bytes.
   */
  private static int[][] toGlobal(
      SortedSetDocValuesReaderState state, Segment[] segments, long budgetLeft) throws IOException {
    int[][] toGlobal = new int[segments.length][];
    SortedSetDocValues all = state.getDocValues();
    OrdinalMap map =
        all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    long bytes = 0;
    for (int i = 0; i < toGlobal.length; i++) {
      bytes += 4L * segments[i].valueCount();
      if (bytes > budgetLeft) {
        return null;
      }
      int[] global = new int[segments[i].valueCount()];
      LongValues ords = map == null ? LongValues.IDENTITY : map.getGlobalOrds(i);
      for (int ord = 0; ord < global.length; ord++) {
        global[ord] = (int) ords.get(ord);
      }
      toGlobal[i] = global;
    }
    return toGlobal;
  }

  /** Whether this segment's ordinals are kept (for tests). */
  static boolean kept(LeafReader segment) {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    return helper != null && LOADED.containsKey(helper.getKey());
  }

  private static Segment read(LeafReader reader, String field, long budgetLeft) throws IOException {
    int maxDoc = reader.maxDoc();
    // Never allocate past the budget, even for a moment: a huge segment must fall back, not fail.
    long room = Math.min(Integer.MAX_VALUE - 8, budgetLeft / 4 - (maxDoc + 1L)); // ints left
    if (room < 0) {
      return null;
    }
    int[] start = new int[maxDoc + 1];
    SortedSetDocValues dv = reader.getSortedSetDocValues(field);
    if (dv == null) {
      return new Segment(start, new int[0], 0);
    }
    int[] ords = new int[(int) Math.min(room, Math.max(16L, maxDoc * 2L))];
    int n = 0;
    int next = 0; // the first document whose start is not yet set
    for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
      while (next <= doc) {
        start[next++] = n;
      }
      int count = dv.docValueCount();
      if (n + count > ords.length) {
        if (n + (long) count > room) {
          return null;
        }
        long grown = Math.max(n + (long) count, ords.length + (long) (ords.length >> 1));
        ords = Arrays.copyOf(ords, (int) Math.min(room, grown));
      }
      for (int i = 0; i < count; i++) {
        ords[n++] = (int) dv.nextOrd();
      }
    }
    while (next <= maxDoc) {
      start[next++] = n;
    }
    return new Segment(start, Arrays.copyOf(ords, n), (int) dv.getValueCount());
  }

  /** Counts by global ordinal of the matches in {@code hits}. */
  int[] count(FacetsCollector hits) throws IOException {
    return count(hits, null);
  }

  /**
   * Counts by global ordinal of the matches in {@code hits}, only for the ordinals of {@code only}
   * (one dimension's range, as the reader state gives it), or for all when it is null. A
   * multi-select request needs just its filtered dimension counted without the filter.
   */
  int[] count(FacetsCollector hits, SortedSetDocValuesReaderState.OrdRange only)
      throws IOException {
    int[] counts = new int[size];
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0 || md.bits() == null) {
        continue;
      }
      int leaf = md.context().ord;
      DocIdSetIterator it = md.bits().iterator();
      if (it != null) {
        int[] global = toGlobal[leaf];
        // A segment's ordinals map in the same order onto the global ones, so a dimension's
        // range is a range of segment ordinals too.
        int from = only == null ? 0 : firstAtLeast(global, only.start());
        int to = only == null ? global.length : firstAtLeast(global, only.end() + 1);
        if (from < to) {
          if (md.totalHits() >= (to - from) / DENSE) {
            addDense(segments[leaf], global, it, from, to, counts);
          } else {
            add(segments[leaf], global, it, null, from, to, counts);
          }
        }
      }
    }
    return counts;
  }

  /** Counts by global ordinal of every live article of the reader these ordinals were read from. */
  int[] countAll() throws IOException {
    int[] counts = new int[size];
    for (LeafReaderContext leaf : leaves) {
      int maxDoc = leaf.reader().maxDoc();
      add(
          segments[leaf.ord],
          toGlobal[leaf.ord],
          DocIdSetIterator.all(maxDoc),
          leaf.reader().getLiveDocs(),
          0,
          toGlobal[leaf.ord].length,
          counts);
    }
    return counts;
  }

  /** The first index of ascending {@code values} holding at least {@code key} (or the length). */
  private static int firstAtLeast(int[] values, int key) {
    int i = Arrays.binarySearch(values, key);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * Counts of one segment's matches are kept by segment ordinal, then added to the global counts,
   * once the segment has at least one match per {@code DENSE} of its ordinals in range: the count
   * of a match then touches one array of the segment's size instead of looking its global ordinal
   * up first (two scattered reads per ordinal; at a million articles, the larger part of a
   * request's facet counting), and the final pass over the segment's ordinals costs less than that
   * look-up saves. Fewer matches are counted straight into the global counts. Either way, the same
   * counts.
   */
  private static final int DENSE = 8;

  /**
   * {@link #add} for many matches: the ordinals in [{@code from}, {@code to}) of {@code docs}
   * counted by segment ordinal, then added to {@code counts} by global ordinal.
   */
  private static void addDense(
      Segment s, int[] toGlobal, DocIdSetIterator docs, int from, int to, int[] counts)
      throws IOException {
    int[] start = s.start();
    int[] ords = s.ords();
    int[] local = new int[to - from];
    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
      for (int j = start[d], end = start[d + 1]; j < end; j++) {
        int ord = ords[j];
        if (ord >= to) {
          break;
        }
        if (ord >= from) {
          local[ord - from]++;
        }
      }
    }
    for (int i = 0; i < local.length; i++) {
      if (local[i] != 0) {
        counts[toGlobal[from + i]] += local[i];
      }
    }
  }

  /**
   * Adds the ordinals in [{@code from}, {@code to}) of the live documents of {@code docs} to {@code
   * counts}, by global ordinal. A document's ordinals are in ascending order, so the scan of one
   * stops at the first ordinal past the range.
   */
  private static void add(
      Segment s, int[] toGlobal, DocIdSetIterator docs, Bits live, int from, int to, int[] counts)
      throws IOException {
    int[] start = s.start();
    int[] ords = s.ords();
    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
      if (live == null || live.get(d)) {
        for (int j = start[d], end = start[d + 1]; j < end; j++) {
          int ord = ords[j];
          if (ord >= to) {
            break;
          }
          if (ord >= from) {
            counts[toGlobal[ord]]++;
          }
        }
      }
    }
  }
}
