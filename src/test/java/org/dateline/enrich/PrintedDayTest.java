package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dateline.TestIndexes;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.MetaValue;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Test;

/** The day an outlet printed a date on, where its chosen form is a bare UTC instant. */
class PrintedDayTest {

  private final Enricher enricher = Enricher.standard(EntityExtractor.NONE);

  private Article page(String url, String... dates) {
    List<MetaValue> values = new ArrayList<>();
    for (String d : dates) {
      String[] parts = d.split("=", 2);
      values.add(new MetaValue(parts[1], parts[0]));
    }
    SourceDoc doc =
        new SourceDoc(
            "", "T", "Body.", "text/html", url, "en", values, List.of(), List.of(), List.of());
    return enricher.enrich("/p.html", doc, null);
  }

  @Test
  void theAddressDayWithinADayOfAUtcInstantIsTheDayPrinted() {
    Article a =
        page("https://example.com/2019/11/18/x/", "json-ld=2019-11-19T04:58:46Z", "url=2019-11-18");
    assertEquals(Instant.parse("2019-11-19T04:58:46Z"), a.date().instant(), "the instant stays");
    assertEquals(LocalDate.of(2019, 11, 18), a.date().localDay());
    assertEquals(LocalDate.of(2019, 11, 18), a.date().printedDay());
    assertEquals(0, a.date().offsetMinutes(), "the offset stays the one stated");
    assertEquals("the day the page's address prints", a.provenance().get("date_day"));
    // the local time the histogram and filters read is on the printed day
    assertEquals(
        LocalDate.of(2019, 11, 18),
        LocalDate.ofEpochDay(Math.floorDiv(a.date().localMillis(), 86_400_000L)));
  }

  @Test
  void anotherFormOfTheSameInstantGivesThePagesOwnOffset() {
    // sailthru.date, to the minute, in the paper's own offset
    Article a =
        page(
            "https://example.com/a",
            "json-ld=2019-11-20T05:57:50Z",
            "meta=2019-11-19 21:57:00 -0800");
    assertEquals(-480, a.date().offsetMinutes());
    assertEquals(LocalDate.of(2019, 11, 19), a.date().localDay());
    assertNull(a.date().printedDay());
    // a wall clock without a zone, a whole number of hours from the instant, to the second
    Article b =
        page(
            "https://example.com/2019/11/19/b/",
            "json-ld=2019-11-20T02:59:46Z",
            "time-element=2019-11-19 20:59:46");
    assertEquals(-360, b.date().offsetMinutes());
    assertEquals(LocalDate.of(2019, 11, 19), b.date().localDay());
    assertEquals("the offset another form of the date states", b.provenance().get("date_day"));
  }

  @Test
  void whatTheSourceStatesIsLeftAlone() {
    // an offset of its own: the page printed that day, whatever the address says
    Article stated =
        page(
            "https://example.com/2019/11/18/x/",
            "json-ld=2019-11-19T01:00:00+01:00",
            "url=2019-11-18");
    assertEquals(LocalDate.of(2019, 11, 19), stated.date().localDay());
    // an address two days away is another day, not a time zone
    Article far =
        page("https://example.com/2019/11/17/x/", "json-ld=2019-11-19T04:58:46Z", "url=2019-11-17");
    assertEquals(LocalDate.of(2019, 11, 19), far.date().localDay());
    // a UTC morning cannot be the evening before anywhere west of UTC-12
    Article morning =
        page("https://example.com/2019/11/18/x/", "json-ld=2019-11-19T13:00:00Z", "url=2019-11-18");
    assertEquals(LocalDate.of(2019, 11, 19), morning.date().localDay());
    // a modified time hours later is another instant, not an offset (minutes only: no match)
    Article modified =
        page("https://example.com/a", "json-ld=2019-11-19T04:58:00Z", "json-ld=2019-11-19T09:58");
    assertEquals(0, modified.date().offsetMinutes());
    assertEquals(LocalDate.of(2019, 11, 19), modified.date().localDay());
    // two wall clocks without zones say nothing of one
    Article zoneless =
        page("https://example.com/a", "meta=2019-11-19 04:58:46", "meta=2019-11-18 22:58:46");
    assertNull(zoneless.date().offsetMinutes());
    assertNull(zoneless.provenance().get("date_day"));
  }

  private static final Pattern ADDRESS_DAY =
      Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{2})[/-](\\d{2})/");

  /**
   * The seven stored pages whose address prints the day before their metadata's UTC day (US evening
   * stories): each on the address's day, the instant as the page states it.
   */
  @Test
  void realEveningStoriesLandOnTheDayTheirAddressPrints() throws Exception {
    Path pages = TestIndexes.sharedOrSkip("html-news-articlebench", "html");
    FileParser parser = new FileParser(1L << 30, 5_000_000, 50_000_000);
    Map<String, String> days = new TreeMap<>();
    for (String id :
        List.of(
            "1ace8c85aaee", // TechCrunch
            "06e5123e4ef7", // VentureBeat
            "d605bdef2cde", // CNN
            "a078b3656adc", // Forbes
            "8634d1211c3f", // Los Angeles Times
            "098bb3e96c0a", // Los Angeles Times
            "264dc3ae3124")) { // Twin Cities
      Path file;
      try (Stream<Path> s = Files.list(pages)) {
        file = s.filter(p -> p.getFileName().toString().startsWith(id)).findFirst().orElseThrow();
      }
      Article a = enricher.enrich(file.toString(), parser.parse(file).get(0), null);
      Matcher m = ADDRESS_DAY.matcher(a.url());
      m.find();
      days.put(
          id,
          a.date().localDay()
              + " "
              + a.date().instant()
              + " / "
              + m.group(1)
              + "-"
              + m.group(2)
              + "-"
              + m.group(3));
    }
    assertEquals(
        Map.of(
            "1ace8c85aaee", "2019-11-18 2019-11-19T04:58:46Z / 2019-11-18",
            "06e5123e4ef7", "2019-11-18 2019-11-19T07:03:25Z / 2019-11-18",
            "d605bdef2cde", "2019-11-18 2019-11-19T02:34:30Z / 2019-11-18",
            "a078b3656adc", "2019-11-18 2019-11-19T03:05:46Z / 2019-11-18",
            "8634d1211c3f", "2019-11-19 2019-11-20T01:53:14Z / 2019-11-19",
            "098bb3e96c0a", "2019-11-19 2019-11-20T01:50:59Z / 2019-11-19",
            "264dc3ae3124", "2019-11-19 2019-11-20T02:59:46Z / 2019-11-19"),
        days);
  }
}
