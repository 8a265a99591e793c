package org.dateline.search.facet;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.dateline.index.Schema;
import org.dateline.index.SegmentCoreCache;

/**
 * Counts the hits per year, month or day (whichever fits the span of the hits or of the requested
 * range) from the date doc values, plus the hits that have no date ("undated", always the last
 * bucket). Each segment's dates are read from doc values once, as epoch days in an int array kept
 * while the segment lives ({@link #warm} runs when a searcher opens), so a request over a million
 * hits does array reads instead of decoding doc values. Thread-safe.
 */
public final class DateHistogram {

  /** Bucket width. */
  public enum Unit {
    YEAR,
    MONTH,
    DAY
  }

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** Widest span of days counted in a dense array (about 2,900 years); wider spans are sorted. */
  private static final int MAX_DENSE_DAYS = 1 << 20;

  /** Marks a document without a date in a segment's day array. */
  private static final int UNDATED = Integer.MIN_VALUE;

  /** Per segment core (doc values never change within one): the epoch day of every document. */
  private static final SegmentCoreCache<int[]> DAYS = new SegmentCoreCache<>(DateHistogram::load);

  private DateHistogram() {}

  /** Reads the day arrays of the reader's segments that are not cached yet. */
  static void warm(IndexReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      daysOf(leaf.reader());
    }
  }

  private static int[] daysOf(LeafReader leaf) throws IOException {
    return DAYS.get(leaf);
  }

  private static int[] load(LeafReader leaf) throws IOException {
    int[] days = new int[leaf.maxDoc()];
    java.util.Arrays.fill(days, UNDATED);
    NumericDocValues values = leaf.getNumericDocValues(Schema.LOCAL_DATE);
    if (values != null) {
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        days[doc] = (int) Math.floorDiv(values.longValue(), MILLIS_PER_DAY);
      }
    }
    return days;
  }

  static List<FacetValue> compute(FacetsCollector hits, LocalDate from, LocalDate to)
      throws IOException {
    // Epoch days in a primitive buffer: a match-all over a million articles must not box.
    int[] days = new int[1024];
    int n = 0;
    long undated = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      int[] segmentDays = daysOf(md.context().reader());
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) {
        continue;
      }
      if (days.length - n < md.totalHits()) {
        days = java.util.Arrays.copyOf(days, n + md.totalHits());
      }
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        int day = segmentDays[doc];
        if (day == UNDATED) {
          undated++;
        } else {
          if (n == days.length) {
            days = java.util.Arrays.copyOf(days, n * 2 + 16);
          }
          days[n++] = day;
        }
      }
    }
    List<FacetValue> buckets = new ArrayList<>(buckets(days, n, from, to));
    buckets.add(new FacetValue("undated", undated));
    return buckets;
  }

  /**
   * Articles per epoch day over {@code [first, first + perDay.length)}, plus the undated ones: what
   * the buckets are summed from. Two counts over the same span subtract exactly.
   */
  record DayCounts(int first, int[] perDay, long undated) {

    DayCounts minus(DayCounts other) {
      int[] out = perDay.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] -= other.perDay[i];
      }
      return new DayCounts(first, out, undated - other.undated);
    }
  }

  /**
   * Every live article of {@code reader} counted per day, or null when the dates span more days
   * than a dense count allows (then {@link #compute} sorts instead).
   */
  static DayCounts everyDay(IndexReader reader) throws IOException {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (LeafReaderContext leaf : reader.leaves()) {
      for (int day : daysOf(leaf.reader())) {
        if (day != UNDATED) {
          min = Math.min(min, day);
          max = Math.max(max, day);
        }
      }
    }
    if (min > max) {
      min = 0;
      max = -1;
    }
    if ((long) max - min > MAX_DENSE_DAYS) {
      return null;
    }
    int[] perDay = new int[max - min + 1];
    long undated = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      int[] days = daysOf(leaf.reader());
      org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < days.length; doc++) {
        if (live == null || live.get(doc)) {
          if (days[doc] == UNDATED) {
            undated++;
          } else {
            perDay[days[doc] - min]++;
          }
        }
      }
    }
    return new DayCounts(min, perDay, undated);
  }

  /** {@code hits} counted per day over the span of {@code every}. */
  static DayCounts count(FacetsCollector hits, DayCounts every) throws IOException {
    int[] perDay = new int[every.perDay().length];
    long undated = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      int[] days = daysOf(md.context().reader());
      DocIdSetIterator it = md.bits() == null ? null : md.bits().iterator();
      if (it == null) {
        continue;
      }
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (days[doc] == UNDATED) {
          undated++;
        } else {
          perDay[days[doc] - every.first()]++;
        }
      }
    }
    return new DayCounts(every.first(), perDay, undated);
  }

  /** The buckets of {@code counts}, oldest first, then "undated". */
  static List<FacetValue> buckets(DayCounts counts, LocalDate from, LocalDate to) {
    int[] perDay = counts.perDay();
    int lo = 0;
    int hi = perDay.length - 1;
    while (lo <= hi && perDay[lo] == 0) {
      lo++;
    }
    while (hi >= lo && perDay[hi] == 0) {
      hi--;
    }
    List<FacetValue> out = new ArrayList<>();
    if (lo <= hi) {
      out.addAll(
          buckets(perDay, counts.first(), counts.first() + lo, counts.first() + hi, from, to));
    }
    out.add(new FacetValue("undated", counts.undated()));
    return out;
  }

  /** Non-empty buckets of {@code days[0..n)} (epoch days), oldest first. */
  static List<FacetValue> buckets(int[] days, int n, LocalDate from, LocalDate to) {
    if (n == 0) {
      return List.of();
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, days[i]);
      max = Math.max(max, days[i]);
    }
    LocalDate lo = from != null ? from : LocalDate.ofEpochDay(min);
    LocalDate hi = to != null ? to : LocalDate.ofEpochDay(max);
    if ((long) max - min > MAX_DENSE_DAYS) {
      // Absurd spans (a stray year-1 date): sort instead of a day array that large.
      int[] sorted = java.util.Arrays.copyOf(days, n);
      java.util.Arrays.sort(sorted);
      return sortedBuckets(sorted, unitFor(lo, hi));
    }
    int[] perDay = new int[max - min + 1];
    for (int i = 0; i < n; i++) {
      perDay[days[i] - min]++;
    }
    return buckets(perDay, min, min, max, from, to);
  }

  /**
   * Sums the per-day counts ({@code perDay[0]} is epoch day {@code first}) of the days {@code
   * min..max} into buckets of the unit that fits the span, or the requested range.
   */
  private static List<FacetValue> buckets(
      int[] perDay, int first, int min, int max, LocalDate from, LocalDate to) {
    LocalDate lo = from != null ? from : LocalDate.ofEpochDay(min);
    LocalDate hi = to != null ? to : LocalDate.ofEpochDay(max);
    Unit unit = unitFor(lo, hi);
    // One LocalDate per bucket, not per day.
    List<FacetValue> out = new ArrayList<>();
    LocalDate start = bucketStart(LocalDate.ofEpochDay(min), unit);
    while (start.toEpochDay() <= max) {
      LocalDate end = bucketEnd(start, unit);
      long count = 0;
      for (long d = Math.max(start.toEpochDay(), min); d <= Math.min(end.toEpochDay(), max); d++) {
        count += perDay[(int) (d - first)];
      }
      if (count > 0) {
        out.add(new FacetValue(label(start, unit), count, start.toString(), end.toString()));
      }
      start = end.plusDays(1);
    }
    return out;
  }

  private static List<FacetValue> sortedBuckets(int[] sorted, Unit unit) {
    List<FacetValue> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.length) {
      LocalDate start = bucketStart(LocalDate.ofEpochDay(sorted[i]), unit);
      LocalDate end = bucketEnd(start, unit);
      long last = end.toEpochDay();
      int j = i;
      while (j < sorted.length && sorted[j] <= last) {
        j++;
      }
      out.add(new FacetValue(label(start, unit), j - i, start.toString(), end.toString()));
      i = j;
    }
    return out;
  }

  /** The bucket width for a span from {@code lo} to {@code hi}. */
  public static Unit unitFor(LocalDate lo, LocalDate hi) {
    long days = ChronoUnit.DAYS.between(lo, hi);
    if (days > 3 * 366) {
      return Unit.YEAR;
    }
    return days > 92 ? Unit.MONTH : Unit.DAY;
  }

  /** The first day of the bucket that holds {@code d}. */
  public static LocalDate bucketStart(LocalDate d, Unit unit) {
    return switch (unit) {
      case YEAR -> d.withDayOfYear(1);
      case MONTH -> d.withDayOfMonth(1);
      case DAY -> d;
    };
  }

  /** The last day of the bucket that starts on {@code start}. */
  public static LocalDate bucketEnd(LocalDate start, Unit unit) {
    return switch (unit) {
      case YEAR -> start.plusYears(1).minusDays(1);
      case MONTH -> YearMonth.from(start).atEndOfMonth();
      case DAY -> start;
    };
  }

  /** The name of the bucket that starts on {@code start}. */
  public static String label(LocalDate start, Unit unit) {
    return switch (unit) {
      case YEAR -> Integer.toString(start.getYear());
      case MONTH -> YearMonth.from(start).toString();
      case DAY -> start.toString();
    };
  }
}
