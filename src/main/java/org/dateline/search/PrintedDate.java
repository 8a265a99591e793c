package org.dateline.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A hit's date as its outlet printed it: the day and time in the offset from UTC the source stated
 * (UTC when it named none), so the Guardian's "Sat 16 Feb 2019 23.39 EST" (the instant 04:39 UTC on
 * the 17th) reads 2019-02-16 23:39, the day the date filters and the histogram count it on.
 */
public final class PrintedDate {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private PrintedDate() {}

  /**
   * {@code hit}'s date as its outlet printed it: the day alone where the outlet printed a day apart
   * from a UTC instant (its wall-clock time is not known), else as {@link #of(String, String,
   * Integer, boolean)} gives it.
   */
  public static String of(Hit hit, boolean withZone) {
    return hit.dateDay() != null
        ? hit.dateDay()
        : of(hit.date(), hit.datePrecision(), hit.dateOffset(), withZone);
  }

  /**
   * "2019-01-28" for a day, "2019-02-16 23:39" (or with seconds, at that precision) for a time,
   * followed by " UTC-05:00" (" UTC" when the source named no zone) when {@code withZone}; null
   * without a date.
   *
   * @param date a hit's {@code date}: an ISO instant, or an ISO day
   * @param offsetMinutes a hit's {@code date_offset}, null when the source named no zone
   */
  public static String of(String date, String precision, Integer offsetMinutes, boolean withZone) {
    if (date == null) {
      return null;
    }
    if (date.length() == 10 || "day".equals(precision)) {
      return date.substring(0, 10);
    }
    ZoneOffset offset =
        offsetMinutes == null ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
    String printed =
        Instant.parse(date).atOffset(offset).format("second".equals(precision) ? SECONDS : MINUTES);
    if (!withZone) {
      return printed;
    }
    return printed + " UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
  }
}
