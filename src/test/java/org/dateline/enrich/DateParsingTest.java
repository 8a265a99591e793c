package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.dateline.enrich.PubDate.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParsingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2019-01-28|2019-01-28T00:00:00Z|DAY",
        "2019-03-05T01:24:00+00:00|2019-03-05T01:24:00Z|SECOND",
        "2017-06-29T16:38:36+02:00|2017-06-29T14:38:36Z|SECOND",
        "2017-06-29T16:38+0200|2017-06-29T14:38:00Z|MINUTE",
        "Seg, 24 Set 2018 19:42:40 -0300|2018-09-24T22:42:40Z|SECOND",
        "Tue, 19 Feb 2019 10:03:00 GMT|2019-02-19T10:03:00Z|SECOND",
        "26-FEB-1987 15:01:01.79|1987-02-26T15:01:01Z|SECOND",
        "31-MAR-1987 605:12:19.12|1987-03-31T00:00:00Z|DAY",
        "20020101T120000Z|2002-01-01T12:00:00Z|SECOND",
        "20190223|2019-02-23T00:00:00Z|DAY",
        "March 5, 2019 at 1:24 am|2019-03-05T01:24:00Z|MINUTE",
        "February 23, 2019 at 10:27 pm|2019-02-23T22:27:00Z|MINUTE",
        "Last modified on Sat 16 Feb 2019 23.39 EST|2019-02-17T04:39:00Z|MINUTE",
        "12 juillet 2018|2018-07-12T00:00:00Z|DAY",
      })
  void readsTheWaysNewsWritesDates(String raw, String instant, Precision precision) {
    PubDate d = DateParsing.parse(raw, "test").orElseThrow();
    assertEquals(Instant.parse(instant), d.instant());
    assertEquals(precision, d.precision());
    assertEquals("test", d.source());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Creating new perspectives since 2009",
        "no date here",
        "3000-01-01",
        "1066-10-14",
        "Marine 12 2019 corps"
      })
  void rejectsWhatIsNotAPlausibleDate(String raw) {
    assertTrue(DateParsing.parse(raw, "test").isEmpty(), raw);
  }

  /** The outlet's own calendar day when it states a zone or offset; UTC's day otherwise. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Last modified on Sat 16 Feb 2019 23.39 EST|2019-02-16|-300",
        "2019-02-16T23:39:00-05:00|2019-02-16|-300",
        "Seg, 24 Set 2018 22:42:40 -0300|2018-09-24|-180",
        "2019-02-17T00:30:00+01:00|2019-02-17|60",
        "2019-02-16T23:39:00Z|2019-02-16|0",
        "March 5, 2019 at 11:24 pm|2019-03-05|",
        "2019-03-05|2019-03-05|",
      })
  void keepsTheStatedOffsetForTheLocalDay(String raw, String day, Integer offset) {
    PubDate d = DateParsing.parse(raw, "test").orElseThrow();
    assertEquals(offset, d.offsetMinutes(), raw);
    assertEquals(java.time.LocalDate.parse(day), d.localDay(), raw);
    assertEquals(d.localDay().toEpochDay(), Math.floorDiv(d.localMillis(), 86_400_000L), raw);
  }
}
