package org.dateline.bench.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixRequestTest {

  @Test
  void lineFormRoundTrips() {
    MixRequest r =
        new MixRequest(
            "phrase-title/two-filters",
            "\"bank of japan\"",
            List.of(
                new MixRequest.Filter("place", "japan"),
                new MixRequest.Filter("organization", "imf")),
            null,
            null);
    String line = r.toLine();
    assertEquals(
        "\"bank of japan\" | kind=phrase-title/two-filters | place=japan | organization=imf", line);
    assertEquals(r, MixRequest.parse(line, 1));
    assertEquals("phrase-title", r.queryKind());
    assertEquals("two-filters", r.variant());
  }

  @Test
  void dateRangeKeepsBothDays() {
    MixRequest r =
        MixRequest.parse("oil | kind=word-common/date-range | from=1987-03-02 | to=1987-03-08", 7);
    assertEquals(LocalDate.of(1987, 3, 2), r.from());
    assertEquals(LocalDate.of(1987, 3, 8), r.to());
    assertEquals(List.of(), r.filters());
    assertEquals("oil | kind=word-common/date-range | from=1987-03-02 | to=1987-03-08", r.toLine());
  }

  @Test
  void halfARangeIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> MixRequest.parse("oil | from=1987-03-02", 3));
    assertThrows(IllegalArgumentException.class, () -> MixRequest.parse("oil | place", 3));
  }
}
