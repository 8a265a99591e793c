package org.dateline.solr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.dateline.index.Schema;
import org.dateline.search.facet.DateHistogram;
import org.dateline.search.facet.DateHistogram.Unit;
import org.dateline.search.facet.FacetValue;

/**
 * The date histogram as a Solr range facet on the printed day ({@link Schema#LOCAL_DATE}), in the
 * embedded search's buckets: years past about three years of span, months past three months, days
 * below; only non-empty buckets, oldest first, then "undated". The span is the requested range
 * where given, else the first and last day of the hits. Stateless.
 */
final class SolrHistogram {

  /** Names of the facets that carry the histogram's inputs and buckets. */
  static final String FIRST = "first_day";

  static final String LAST = "last_day";
  static final String UNDATED = "undated";
  static final String BUCKETS = "day_buckets";

  private SolrHistogram() {}

  /** The day's start as Solr writes an instant. */
  static String instant(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
  }

  /** The facets that find the hits' first and last day and count the undated ones. */
  static void addSpan(Map<String, Object> facets) {
    facets.put(FIRST, "min(" + Schema.LOCAL_DATE + ")");
    facets.put(LAST, "max(" + Schema.LOCAL_DATE + ")");
    facets.put(
        UNDATED, Map.of("type", "query", "q", "{!lucene}*:* -" + Schema.LOCAL_DATE + ":[* TO *]"));
  }

  /** The range facet over {@code [lo, hi]} in buckets of the unit that fits that span. */
  static Map<String, Object> range(LocalDate lo, LocalDate hi) {
    Unit unit = DateHistogram.unitFor(lo, hi);
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("type", "range");
    range.put("field", Schema.LOCAL_DATE);
    range.put("start", instant(DateHistogram.bucketStart(lo, unit)));
    range.put("end", instant(hi.plusDays(1)));
    range.put("gap", gap(unit));
    range.put("hardend", false);
    return range;
  }

  /** The non-empty buckets Solr counted for the span {@code [lo, hi]}, then "undated". */
  static List<FacetValue> buckets(
      List<BucketJsonFacet> counted, LocalDate lo, LocalDate hi, long undated) {
    Unit unit = DateHistogram.unitFor(lo, hi);
    List<FacetValue> out = new ArrayList<>();
    for (BucketJsonFacet bucket : counted) {
      if (bucket.getCount() > 0) {
        LocalDate start = day(bucket.getVal());
        out.add(
            new FacetValue(
                DateHistogram.label(start, unit),
                bucket.getCount(),
                start.toString(),
                DateHistogram.bucketEnd(start, unit).toString()));
      }
    }
    out.add(new FacetValue(UNDATED, undated));
    return out;
  }

  /** A day from what Solr returns for a date (a Date, or epoch milliseconds). */
  static LocalDate day(Object value) {
    Instant at =
        value instanceof Date d
            ? d.toInstant()
            : value instanceof Number n
                ? Instant.ofEpochMilli(n.longValue())
                : Instant.parse(value.toString());
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** Solr date math for one bucket of {@code unit}. */
  private static String gap(Unit unit) {
    return "+1" + unit.name();
  }
}
