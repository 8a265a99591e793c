package org.dateline.search;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.dateline.index.Schema;
import org.dateline.search.facet.FacetSearcher;

/**
 * Many searches in one go (a list of names, say): each line is searched as {@code /api/search}
 * would search it, under the batch's filters, and answered by one {@link BatchRow}, in input order.
 * One searcher serves the whole batch, so every line sees the same archive; each line takes one
 * pass that collects its best hits, its count, its outlets and its dates together. A line that
 * cannot be searched gets an error row; the batch goes on. Thread-safe (holds no state per batch).
 */
public final class BatchSearch {

  private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"(~\\d+)?");

  private final SearchService search;

  public BatchSearch(SearchService search) {
    this.search = search;
  }

  /** Receives rows one at a time, in input order. */
  @FunctionalInterface
  public interface RowSink {
    void accept(BatchRow row) throws IOException;
  }

  /**
   * Searches every non-blank line of {@code lines}, passing one row per line to {@code sink} as
   * soon as it is answered, and counting them in {@code progress} (ended here, whatever happens).
   */
  public void run(List<String> lines, BatchOptions options, RowSink sink, BatchProgress progress)
      throws IOException {
    boolean ok = false;
    try {
      search.withSearcher(
          searcher -> {
            FacetSearcher fs = (FacetSearcher) searcher;
            SearchRequest base =
                options
                    .base()
                    .withFilters(
                        FilterMatch.resolve(fs, options.base().filters(), search.entities())
                            .filters());
            for (int i = 0; i < lines.size(); i++) {
              if (lines.get(i).isBlank()) {
                continue;
              }
              BatchRow row = line(fs, base, options, i + 1, lines.get(i).strip());
              progress.lineDone(row.error() != null);
              sink.accept(row);
            }
            return null;
          });
      ok = true;
    } finally {
      progress.end(ok ? BatchProgress.State.DONE : BatchProgress.State.FAILED);
    }
  }

  /** One line answered, or its error row. */
  BatchRow line(
      FacetSearcher searcher, SearchRequest base, BatchOptions options, int n, String text)
      throws IOException {
    String searched = text;
    try {
      searched = queryOf(text, options);
      SearchRequest request =
          new SearchRequest(
              searched,
              base.filters(),
              base.from(),
              base.to(),
              base.sort(),
              1,
              options.hitsPerLine(),
              null,
              1,
              0);
      return answer(searcher, request, options, n, text);
    } catch (BadRequestException e) { // a LimitExceededException too
      return BatchRow.failed(n, text, searched, e.getMessage());
    } catch (IndexSearcher.TooManyClauses e) {
      return BatchRow.failed(
          n,
          text,
          searched,
          "the line matches too many different words"
              + " through a wildcard, prefix or fuzzy term: make it more specific");
    }
  }

  /**
   * The query a line runs: with a proximity, a line of plain words becomes a phrase and every
   * phrase gets that slop; with variants, each name also finds its other spellings.
   */
  String queryOf(String text, BatchOptions options) throws IOException {
    String q = text;
    boolean near = options.proximity() != BatchOptions.EXACT;
    if (near && EntityService.plainName(q)) {
      q = "\"" + q + "\"";
    }
    if (options.variants()) {
      q = search.entities().expand(q);
    }
    if (near) {
      Matcher m = PHRASE.matcher(q);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String phrase = m.group();
        boolean slopped = m.group(2) != null;
        m.appendReplacement(
            out,
            Matcher.quoteReplacement(
                !slopped && m.group(1).strip().contains(" ")
                    ? phrase + "~" + options.proximity()
                    : phrase));
      }
      m.appendTail(out);
      q = out.toString();
    }
    return q;
  }

  private BatchRow answer(
      FacetSearcher searcher, SearchRequest request, BatchOptions options, int n, String text)
      throws IOException {
    // each line has the time limit of one search
    Deadline deadline = search.deadline();
    Query rewritten = search.rewrite(searcher, search.parse(request), deadline);
    DrillDownQuery query = SearchPlan.drillDown(rewritten, request);
    // Counted exactly (no skipping), so the count is the search's total.
    Object[] found =
        searcher.search(
            query,
            new MultiCollectorManager(
                new TopFieldCollectorManager(
                    SearchPlan.sort(request.sort()),
                    options.hitsPerLine(),
                    null,
                    Integer.MAX_VALUE),
                new FacetsCollectorManager()));
    TopFieldDocs top = (TopFieldDocs) found[0];
    FacetsCollector matching = (FacetsCollector) found[1];
    long[] span = dateSpan(matching);
    HitBuilder builder =
        new HitBuilder(
            searcher,
            rewritten,
            search.nameQuery(searcher, search.entities().named(request.query()), request, deadline),
            1,
            deadline);
    List<BatchRow.BatchHit> hits = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Hit h = builder.build((FieldDoc) sd, request.sort());
      hits.add(
          new BatchRow.BatchHit(
              h.id(),
              h.title(),
              h.outlet(),
              h.date(),
              h.kwic().isEmpty() ? null : h.kwic().get(0)));
    }
    return new BatchRow(
        n,
        text,
        request.query(),
        top.totalHits.value(),
        stories(matching),
        outlets(searcher, matching),
        day(span[0]),
        day(span[1]),
        hits,
        null);
  }

  /** How many different stories the matching articles belong to (each article is in one). */
  private static long stories(FacetsCollector matching) throws IOException {
    LongHashSet ids = new LongHashSet();
    for (FacetsCollector.MatchingDocs docs : matching.getMatchingDocs()) {
      NumericDocValues story = DocValues.getNumeric(docs.context().reader(), Schema.STORY);
      DocIdSetIterator it = docs.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        // an article written before stories existed counts as a story of its own
        ids.add(story.advanceExact(d) ? story.longValue() : -1L - ids.size());
      }
    }
    return ids.size();
  }

  /** How many different outlets the matching articles come from. */
  private static int outlets(FacetSearcher searcher, FacetsCollector matching) throws IOException {
    if (!searcher.hasFacets()) {
      return 0;
    }
    try {
      Facets counts = searcher.counts(matching, Schema.OUTLET);
      FacetResult r = counts.getTopChildren(1, Schema.OUTLET);
      if (r == null) {
        return 0;
      }
      // the articles that name no outlet are no outlet of their own
      boolean unknown =
          counts.getSpecificValue(Schema.OUTLET, Schema.UNKNOWN_OUTLET).intValue() > 0;
      return r.childCount - (unknown ? 1 : 0);
    } catch (IllegalArgumentException e) {
      return 0; // no article has an outlet
    }
  }

  /** The earliest and latest publication instant (ms) of the matches; MAX/MIN when none dated. */
  private static long[] dateSpan(FacetsCollector matching) throws IOException {
    long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
    for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
      NumericDocValues dates = md.context().reader().getNumericDocValues(Schema.DATE);
      if (dates == null || md.bits() == null) {
        continue;
      }
      DocIdSetIterator docs = md.bits().iterator();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (dates.advanceExact(d)) {
          span[0] = Math.min(span[0], dates.longValue());
          span[1] = Math.max(span[1], dates.longValue());
        }
      }
    }
    return span;
  }

  private static String day(long millis) {
    return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE
        ? null
        : Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
