package org.dateline.solr;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.kwic.Kwic;

/**
 * The KWIC of a Solr hit, found as the embedded index finds it: the article's searchable texts
 * ({@link TextValue}) are indexed in memory with the same chains and offsets, and the request's
 * query is matched there with Lucene's Matches API ({@link Kwic}), so inflected forms, phrases and
 * wildcards are marked exactly as on the embedded backend, without Solr's highlighter. Immutable;
 * each call builds its own small index, so it is thread-safe.
 */
final class SolrKwic {

  private final Query query;

  /** The KWIC of {@code query} (as Dateline's parser built it) in each hit. */
  SolrKwic(Query query) {
    this.query = query;
  }

  /** Up to {@code maxLines} lines around the query's matches in {@code article}'s body. */
  Kwic.Result lines(Article article, int maxLines) throws IOException {
    Single one = index(article);
    return Kwic.forHit(
        one.weight(), null, one.leaf(), 0, article.text(), article.language(), maxLines);
  }

  /** Every span of the body that the query matches, in offset order. */
  List<int[]> spans(Article article) throws IOException {
    Single one = index(article);
    return Kwic.spans(one.weight(), one.leaf(), 0, article.text(), article.language());
  }

  /** A one-article index and the query's weight on it. */
  private record Single(Weight weight, LeafReaderContext leaf) {}

  private Single index(Article article) throws IOException {
    MemoryIndex memory = new MemoryIndex(true, false);
    for (TextValue text : TextValue.of(article)) {
      memory.addField(text.field(), text.text(), text.analyzer());
    }
    if (article.date() != null) {
      memory.addField(new LongPoint(Schema.LOCAL_DATE, article.date().localMillis()), null);
    }
    IndexSearcher searcher = memory.createSearcher();
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new Single(weight, searcher.getIndexReader().leaves().get(0));
  }
}
