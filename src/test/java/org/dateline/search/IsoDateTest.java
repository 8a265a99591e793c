package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;
import org.junit.jupiter.api.Test;

/** A hit's date written directly must read as {@code Instant.toString} and the UTC day wrote it. */
class IsoDateTest {

  private static final long YEAR_1000 = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Test
  void instantsAreWrittenAsInstantToStringWritesThem() {
    SplittableRandom random = new SplittableRandom(17);
    int[] fractions = {0, 120_000_000, 5_000_000, 123_456_000, 1_000, 123_456_789, 7};
    for (int i = 0; i < 200_000; i++) {
      long second = random.nextLong(YEAR_1000 - 86_400L * 400, YEAR_10000 + 86_400L * 400);
      Instant instant = Instant.ofEpochSecond(second, fractions[i % fractions.length]);
      assertEquals(instant.toString(), HitBuilder.isoInstant(instant), "second " + second);
    }
    for (long second :
        List.of(
            0L,
            -1L,
            59L,
            3_599L,
            86_399L,
            YEAR_1000 - 1,
            YEAR_1000,
            YEAR_10000 - 1,
            YEAR_10000,
            -62_167_219_200L)) {
      for (int nano : fractions) {
        Instant instant = Instant.ofEpochSecond(second, nano);
        assertEquals(instant.toString(), HitBuilder.isoInstant(instant));
      }
    }
  }

  @Test
  void aDayPrecisionDateIsItsUtcDayAndOtherDatesTheirInstant() {
    SplittableRandom random = new SplittableRandom(18);
    for (int i = 0; i < 50_000; i++) {
      long millis = random.nextLong(-5_000_000_000_000L, 5_000_000_000_000L);
      Instant instant = Instant.ofEpochMilli(millis);
      String day = instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
      assertEquals(day, HitBuilder.isoDate(dated(millis, PubDate.Precision.DAY)));
      assertEquals(instant.toString(), HitBuilder.isoDate(dated(millis, PubDate.Precision.MINUTE)));
    }
  }

  private static Article dated(long millis, PubDate.Precision precision) {
    return new Article(
        "a",
        "/a.txt",
        null,
        null,
        "t",
        "t",
        new PubDate(Instant.ofEpochMilli(millis), precision, null),
        null,
        List.of(),
        List.of(),
        "en",
        "article",
        "h",
        Map.of(),
        Map.of(),
        List.of(),
        null);
  }
}
