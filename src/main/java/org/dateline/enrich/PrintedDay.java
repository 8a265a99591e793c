package org.dateline.enrich;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.dateline.enrich.PubDate.Precision;

/**
 * Settles the day an outlet printed a date on when the form Dateline picked gives a bare UTC
 * instant ("2019-11-19T04:58:46Z", which a US evening story's metadata commonly states): the page's
 * own offset where another form of the same instant carries one, else the day the page's address
 * prints when it is within a day of the instant. A date that states its own offset (other than
 * UTC), or only a day, is left as stated; nothing here guesses a zone from the outlet. Stateless
 * and thread-safe.
 */
public final class PrintedDay {

  /** The source {@code PageMetadata} gives the day an address prints (/2019/11/18/). */
  static final String ADDRESS = "url";

  /** The provenance key saying how the printed day was settled, when it was. */
  public static final String PROVENANCE = "date_day";

  /** The farthest offsets from UTC any place prints its time in. */
  private static final Duration WEST = Duration.ofHours(12);

  private static final Duration EAST = Duration.ofHours(14);

  private static final long QUARTER_HOUR_MS = 15 * 60_000L;

  private PrintedDay() {}

  /**
   * {@code chosen} with the day it was printed on, judged from {@code others}, the other dates the
   * same source gave for the article.
   */
  static PubDate settle(PubDate chosen, List<PubDate> others) {
    if (chosen.precision() == Precision.DAY
        || chosen.offsetMinutes() != null && chosen.offsetMinutes() != 0) {
      return chosen;
    }
    for (PubDate other : others) {
      Integer offset = offsetOfSameInstant(chosen, other);
      if (offset != null) {
        return chosen.withOffset(offset);
      }
    }
    for (PubDate other : others) {
      if (ADDRESS.equals(other.source()) && other.precision() == Precision.DAY) {
        LocalDate day = other.localDay();
        return canBePrintedOn(chosen, day) ? chosen.printedOn(day) : chosen;
      }
    }
    return chosen;
  }

  /**
   * The offset {@code other} prints {@code chosen}'s instant in, or null when it is another instant
   * or prints it in UTC. A form without a zone ("2019-11-19 20:59:46", read as UTC) prints the same
   * instant when its wall clock is a whole number of quarter hours from it, to the second.
   */
  private static Integer offsetOfSameInstant(PubDate chosen, PubDate other) {
    if (other.precision() == Precision.DAY) {
      return null;
    }
    if (other.offsetMinutes() != null) {
      boolean same =
          Math.abs(other.instant().toEpochMilli() - chosen.instant().toEpochMilli()) < 60_000L;
      return same && other.offsetMinutes() != 0 ? other.offsetMinutes() : null;
    }
    if (chosen.offsetMinutes() == null
        || chosen.precision() != Precision.SECOND
        || other.precision() != Precision.SECOND) {
      // two wall clocks without zones give no offset; a minute-wide match could be another time
      return null;
    }
    long apartMs = other.instant().toEpochMilli() - chosen.instant().toEpochMilli();
    boolean plausible =
        apartMs != 0
            && apartMs % QUARTER_HOUR_MS == 0
            && apartMs >= -WEST.toMillis()
            && apartMs <= EAST.toMillis();
    return plausible ? (int) (apartMs / 60_000L) : null;
  }

  /** Whether some offset any place prints in puts the instant on {@code day}. */
  private static boolean canBePrintedOn(PubDate chosen, LocalDate day) {
    LocalDate west = LocalDate.ofInstant(chosen.instant().minus(WEST), ZoneOffset.UTC);
    LocalDate east = LocalDate.ofInstant(chosen.instant().plus(EAST), ZoneOffset.UTC);
    return !day.isBefore(west) && !day.isAfter(east);
  }
}
