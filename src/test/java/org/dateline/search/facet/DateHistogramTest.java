package org.dateline.search.facet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateHistogramTest {

  private static int[] days(String... isoDays) {
    int[] out = new int[isoDays.length];
    for (int i = 0; i < isoDays.length; i++) {
      out[i] = (int) LocalDate.parse(isoDays[i]).toEpochDay();
    }
    return out;
  }

  @Test
  void monthsWhenTheHitsSpanAYear() {
    int[] d = days("2019-02-23", "2019-02-01", "2019-03-31", "2019-12-31", "2019-02-28");
    assertEquals(
        List.of(
            new FacetValue("2019-02", 3, "2019-02-01", "2019-02-28"),
            new FacetValue("2019-03", 1, "2019-03-01", "2019-03-31"),
            new FacetValue("2019-12", 1, "2019-12-01", "2019-12-31")),
        DateHistogram.buckets(d, d.length, null, null));
  }

  @Test
  void yearsOverLongSpansAndDaysOverShortOnes() {
    int[] d = days("2000-01-01", "2026-12-31", "2026-01-01", "2013-06-15");
    assertEquals(
        List.of(
            new FacetValue("2000", 1, "2000-01-01", "2000-12-31"),
            new FacetValue("2013", 1, "2013-01-01", "2013-12-31"),
            new FacetValue("2026", 2, "2026-01-01", "2026-12-31")),
        DateHistogram.buckets(d, d.length, null, null));
    int[] week = days("2022-02-24", "2022-02-24", "2022-02-26");
    assertEquals(
        List.of(
            new FacetValue("2022-02-24", 2, "2022-02-24", "2022-02-24"),
            new FacetValue("2022-02-26", 1, "2022-02-26", "2022-02-26")),
        DateHistogram.buckets(week, week.length, null, null));
  }

  @Test
  void theRequestedRangeChoosesTheUnit() {
    int[] d = days("1987-03-02", "1987-03-31");
    assertEquals(
        List.of(new FacetValue("1987-03", 2, "1987-03-01", "1987-03-31")),
        DateHistogram.buckets(d, d.length, LocalDate.of(1987, 1, 1), LocalDate.of(1987, 12, 31)));
  }

  @Test
  void aStrayAncientDateDoesNotNeedAHugeArray() {
    int[] d = days("0001-01-01", "2019-05-05", "2019-07-07");
    assertEquals(
        List.of(
            new FacetValue("1", 1, "0001-01-01", "0001-12-31"),
            new FacetValue("2019", 2, "2019-01-01", "2019-12-31")),
        DateHistogram.buckets(d, 2 + 1, null, null));
  }
}
