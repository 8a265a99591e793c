package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * An alert's feed is well-formed XML whatever the indexed files' titles hold: a title with control
 * characters, a lone surrogate or U+FFFE (an odd file's) is shown with U+FFFD in their place, the
 * rest of it as written, and the feed still parses.
 */
class AtomFeedTest {

  @Test
  void aTitleWithCharactersXmlCannotHoldStillMakesAFeedThatParses() throws Exception {
    String title = "Port\u0001 to \u0000close\uFFFE \uD800now \uD83D\uDE00 \u00e9t\u00e9";
    AlertEvent e =
        new AlertEvent(
            "a1",
            1,
            AlertEvent.STORY,
            "0123456789abcdef",
            "doc-1",
            "doc-1",
            title,
            "2026-03-01",
            List.of("Harbour Herald"),
            1,
            "",
            Instant.parse("2026-03-01T10:00:00Z"),
            null,
            null);
    AlertStatus status =
        new AlertStatus(
            "a1",
            "harbour",
            "port",
            Map.of(),
            null,
            null,
            Instant.parse("2026-03-01T09:00:00Z"),
            0,
            1,
            1,
            null,
            List.of(),
            null);
    byte[] feed = AtomFeed.of(status, List.of(e));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(feed));
    // the feed's own title first, then the entry's
    String shown = doc.getElementsByTagName("title").item(1).getTextContent();
    assertEquals("Port\uFFFD to \uFFFDclose\uFFFD \uFFFDnow \uD83D\uDE00 \u00e9t\u00e9", shown);
  }
}
