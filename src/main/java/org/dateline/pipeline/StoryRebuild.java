package org.dateline.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;

/**
 * {@code dateline stories --recluster}: every story made again, the articles taken in publication
 * order (undated last, ties by article id), each matched as ingest matches it against those before
 * it, so the same index always gives the same stories, and each story begins with its earliest
 * copy. Articles whose story changes are written again; then one commit. Only each article's date,
 * id and place are held for the whole run; an article is read when its turn comes, and the matcher
 * forgets the articles dated more than {@link StoryAssigner#WINDOW} before it, which no later one
 * can match, so memory and the matching walk grow with the window, not the archive. An undated
 * article (last in the order) is matched against the undated ones before it and the dated ones of
 * the last window.
 */
public final class StoryRebuild {

  /** What the rebuild did. */
  public record Result(long articles, long stories, long changed, long elapsedMs) {}

  /** Where an article is (its document in the reader of the run) and what orders it. */
  private record Place(long dateMs, String id, int doc) {}

  private static final Comparator<Place> PUBLICATION_ORDER =
      Comparator.comparingLong(Place::dateMs).thenComparing(Place::id);

  private static final long UNDATED = Long.MAX_VALUE;

  private StoryRebuild() {}

  public static Result run(ArticleIndex index) throws IOException {
    long start = System.currentTimeMillis();
    long window = StoryAssigner.WINDOW.toMillis();
    StoryAssigner assigner = StoryAssigner.inMemory();
    long changed = 0;
    Set<Long> stories = new HashSet<>();
    List<Place> all;
    // The reader is a snapshot: the rewrites below do not change what it reads.
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      all = places(reader);
      all.sort(PUBLICATION_ORDER);
      StoredFields fields = reader.storedFields();
      long forgotUpTo = Long.MIN_VALUE;
      for (Place p : all) {
        if (p.dateMs() != UNDATED && p.dateMs() - window > forgotUpTo + window) {
          // At most every window's length: what is kept spans at most two windows.
          forgotUpTo = p.dateMs() - window;
          assigner.forgetBefore(forgotUpTo);
        }
        Document d = fields.document(p.doc());
        Article article = Schema.toArticle(d);
        StoryStamp stamp = assigner.assign(List.of(article)).stamps().get(0);
        stories.add(stamp.story());
        if (stamp.story() != Schema.storyOf(d)) {
          index.rewrite(article, Schema.toSourceFile(d), stamp.story());
          changed++;
        }
      }
    }
    index.commit(Map.of());
    return new Result(all.size(), stories.size(), changed, System.currentTimeMillis() - start);
  }

  /** Every live article's date (from doc values), id and document number. */
  private static List<Place> places(DirectoryReader reader) throws IOException {
    List<Place> out = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      NumericDocValues dates = r.getNumericDocValues(Schema.DATE);
      SortedDocValues ids = r.getSortedDocValues(Schema.ID);
      Bits live = r.getLiveDocs();
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || ids == null || !ids.advanceExact(doc)) {
          continue;
        }
        boolean dated = dates != null && dates.advanceExact(doc);
        String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
        out.add(new Place(dated ? dates.longValue() : UNDATED, id, leaf.docBase + doc));
      }
    }
    return out;
  }
}
