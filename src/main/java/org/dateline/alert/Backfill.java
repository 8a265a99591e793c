package org.dateline.alert;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;

/**
 * What a new alert would have told in its last N days: the alert's own standing query (the one its
 * live matches run) over the archive's articles whose ingest time ({@link Schema#INGESTED}) falls
 * in those days, whatever their publication dates; at most the {@value #MAX} latest, returned
 * oldest first, as if they had just arrived. Articles indexed before the ingest time was recorded
 * have none and are not found.
 */
final class Backfill {

  /** The most articles one backfill tells of. */
  static final int MAX = SearchRequest.MAX_SIZE;

  private Backfill() {}

  /** The matches of alert {@code alert} ({@code standing}) ingested in {@code days} before now. */
  static List<MatchBook.Matched> run(
      String alert, Query standing, int days, Instant now, SearchService search)
      throws IOException {
    long to = now.toEpochMilli();
    long from = now.minus(Duration.ofDays(days)).toEpochMilli();
    Query query =
        new BooleanQuery.Builder()
            .add(standing, BooleanClause.Occur.MUST)
            .add(LongPoint.newRangeQuery(Schema.INGESTED, from, to), BooleanClause.Occur.FILTER)
            .build();
    Sort latestFirst = new Sort(new SortField(Schema.INGESTED, SortField.Type.LONG, true));
    return search.withSearcher(
        searcher -> {
          TopDocs top = searcher.search(query, MAX, latestFirst);
          StoredFields stored = searcher.storedFields();
          List<MatchBook.Matched> out = new ArrayList<>(top.scoreDocs.length);
          for (ScoreDoc hit : top.scoreDocs) {
            Document doc = stored.document(hit.doc);
            Article a = Schema.toArticle(doc);
            out.add(
                new MatchBook.Matched(
                    alert,
                    a.id(),
                    Schema.storyOf(doc),
                    a.title(),
                    a.outlet(),
                    a.date() == null ? null : a.date().localDay().toString()));
          }
          Collections.reverse(out);
          return out;
        });
  }
}
