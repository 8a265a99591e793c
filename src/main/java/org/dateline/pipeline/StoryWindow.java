package org.dateline.pipeline;

import java.time.Duration;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.dateline.index.Schema;

/**
 * The articles a story lookup may compare with: dated within {@link StoryAssigner#WINDOW} of the
 * new article, or undated. Written so that it can lead the candidate query: the dated part is a
 * range of the {@link Schema#LOCAL_DATE} points (widened by a day, since the local time differs
 * from the instant by the stated UTC offset, at most 18 hours), checked exactly on the {@link
 * Schema#DATE} doc values; the rest ({@link WithoutLocalDate}) is a per-segment set computed once.
 * Its cost then grows with the articles of the window, not with the archive. Immutable.
 */
final class StoryWindow {

  /** More than any UTC offset (ZoneOffset allows at most 18 hours). */
  static final long OFFSET_MARGIN_MS = Duration.ofDays(1).toMillis();

  private StoryWindow() {}

  /**
   * {@code q}'s matches within the window of {@code dateMs}, the window leading: a segment with no
   * article in it is skipped before any of {@code q}'s terms is looked up, and elsewhere the
   * window's few articles lead the conjunction, so the cost follows the window, not the archive.
   * Nested, so {@code q}'s minimum-should-match and score are kept.
   */
  static Query leading(Query q, long dateMs) {
    return new BooleanQuery.Builder()
        .add(around(dateMs), BooleanClause.Occur.FILTER)
        .add(q, BooleanClause.Occur.MUST)
        .build();
  }

  /** Articles dated within the window of {@code dateMs}, or undated. */
  static Query around(long dateMs) {
    long lo = dateMs - StoryAssigner.WINDOW.toMillis();
    long hi = dateMs + StoryAssigner.WINDOW.toMillis();
    Query dated =
        new BooleanQuery.Builder()
            .add(
                LongPoint.newRangeQuery(
                    Schema.LOCAL_DATE, lo - OFFSET_MARGIN_MS, hi + OFFSET_MARGIN_MS),
                BooleanClause.Occur.FILTER)
            .add(
                NumericDocValuesField.newSlowRangeQuery(Schema.DATE, lo, hi),
                BooleanClause.Occur.FILTER)
            .build();
    return new BooleanQuery.Builder()
        .add(dated, BooleanClause.Occur.SHOULD)
        .add(new WithoutLocalDate(lo, hi), BooleanClause.Occur.SHOULD)
        .build();
  }
}
