package org.dateline.search;

import java.util.List;
import org.dateline.enrich.Article;
import org.dateline.search.kwic.KwicLine;

/**
 * Hits and article views built from an {@link Article} read elsewhere than the embedded index (a
 * {@link SearchBackend} of another engine), exactly as the embedded search builds them.
 */
public final class Hits {

  private Hits() {}

  /** The hit of {@code a} with its KWIC lines, their total and its score (null when not scored). */
  public static Hit of(Article a, List<KwicLine> kwic, int kwicTotal, Float score) {
    return HitBuilder.hit(a, kwic, kwicTotal, score);
  }

  /** The full view of {@code a} with the spans {@code matches} a query matched in its text. */
  public static DocumentView document(Article a, List<Span> matches) {
    return new DocumentView(
        HitBuilder.hit(a, List.of(), 0, null),
        a.contentType(),
        a.contentHash(),
        a.mentions(),
        a.provenance(),
        matches,
        null,
        a.text());
  }
}
