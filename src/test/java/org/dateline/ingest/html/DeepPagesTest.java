package org.dateline.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pages nested far deeper than any real one (issue 14) are read like shallow ones: the walks over
 * the element tree are neither recursive (20,000 nested tables overflowed the stack) nor quadratic
 * in the depth (50,000 unclosed {@code <b>} took over a minute).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // the quadratic walk took minutes
class DeepPagesTest {

  private static final String STORY =
      "Storm closes the harbour of Valletta. The port shut for two"
          + " days while the crews waited.";

  @Test
  void aParagraphInside20000NestedTablesIsFound() {
    String html =
        "<html><body>"
            + "<table><tr><td>".repeat(20_000)
            + "<p>"
            + STORY
            + "</p>"
            + "</td></tr></table>".repeat(20_000)
            + "</body></html>";
    assertEquals(STORY, new ArticleExtractor().extract(html, "https://example.org/a").body());
  }

  @Test
  void textUnder50000UnclosedBoldTagsIsOneParagraph() {
    String html =
        "<html><body><p>" + STORY + "</p><p>" + "<b>x ".repeat(50_000) + "</p></body></html>";
    String body = new ArticleExtractor().extract(html, "https://example.org/b").body();
    assertEquals(STORY + "\n\n" + "x ".repeat(50_000).strip(), body);
  }
}
