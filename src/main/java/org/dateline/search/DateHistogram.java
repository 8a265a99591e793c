package org.dateline.search;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.dateline.index.Schema;

/**
 * Counts the hits per year, month or day (whichever fits the span of the hits or of the requested
 * range) from the date doc values, plus the hits that have no date ("undated", always the last
 * bucket). Stateless.
 */
final class DateHistogram {

  /** Bucket width. */
  enum Unit {
    YEAR,
    MONTH,
    DAY
  }

  private DateHistogram() {}

  static List<FacetValue> compute(FacetsCollector hits, LocalDate from, LocalDate to)
      throws IOException {
    // Primitive buffer: a match-all over a million articles must not box a million Longs.
    long[] dates = new long[1024];
    int n = 0;
    long undated = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      NumericDocValues values = md.context().reader().getNumericDocValues(Schema.DATE);
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) {
        continue;
      }
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (values != null && values.advanceExact(doc)) {
          if (n == dates.length) {
            dates = java.util.Arrays.copyOf(dates, n * 2);
          }
          dates[n++] = values.longValue();
        } else {
          undated++;
        }
      }
    }
    List<FacetValue> buckets = new ArrayList<>(buckets(dates, n, from, to));
    buckets.add(new FacetValue("undated", undated));
    return buckets;
  }

  private static List<FacetValue> buckets(long[] dates, int n, LocalDate from, LocalDate to) {
    if (n == 0) {
      return List.of();
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, dates[i]);
      max = Math.max(max, dates[i]);
    }
    LocalDate lo = from != null ? from : day(min);
    LocalDate hi = to != null ? to : day(max);
    Unit unit = unitFor(lo, hi);
    // Count per UTC day first (cheap integer keys), then fold days into the bucket unit.
    java.util.HashMap<Long, long[]> perDay = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      perDay.computeIfAbsent(Math.floorDiv(dates[i], 86_400_000L), k -> new long[1])[0]++;
    }
    TreeMap<LocalDate, Long> counts = new TreeMap<>();
    perDay.forEach((epochDay, c) ->
        counts.merge(bucketStart(LocalDate.ofEpochDay(epochDay), unit), c[0], Long::sum));
    List<FacetValue> out = new ArrayList<>(counts.size());
    counts.forEach((start, count) -> out.add(new FacetValue(
        label(start, unit), count, start.toString(), bucketEnd(start, unit).toString())));
    return out;
  }

  static Unit unitFor(LocalDate lo, LocalDate hi) {
    long days = ChronoUnit.DAYS.between(lo, hi);
    if (days > 3 * 366) {
      return Unit.YEAR;
    }
    return days > 92 ? Unit.MONTH : Unit.DAY;
  }

  private static LocalDate day(long millis) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate bucketStart(LocalDate d, Unit unit) {
    return switch (unit) {
      case YEAR -> d.withDayOfYear(1);
      case MONTH -> d.withDayOfMonth(1);
      case DAY -> d;
    };
  }

  private static LocalDate bucketEnd(LocalDate start, Unit unit) {
    return switch (unit) {
      case YEAR -> start.plusYears(1).minusDays(1);
      case MONTH -> YearMonth.from(start).atEndOfMonth();
      case DAY -> start;
    };
  }

  private static String label(LocalDate start, Unit unit) {
    return switch (unit) {
      case YEAR -> Integer.toString(start.getYear());
      case MONTH -> YearMonth.from(start).toString();
      case DAY -> start.toString();
    };
  }
}
