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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;

/**
 * {@code dateline stories --recluster}: every story made again, the articles taken in publication
 * order (undated last, ties by article id), each matched as ingest matches it against those before
 * it, so the same index always gives the same stories, and each story begins with its earliest
 * copy. Articles whose story changes are written again; then one commit. Every article's
 * fingerprint is held in memory during the rebuild.
 */
public final class StoryRebuild {

  /** What the rebuild did. */
  public record Result(long articles, long stories, long changed, long elapsedMs) {}

  private record Stored(Article article, SourceFile source, long story) {}

  private static final Comparator<Stored> PUBLICATION_ORDER =
      Comparator.comparing(
              (Stored s) ->
                  s.article().date() == null
                      ? Long.MAX_VALUE
                      : s.article().date().instant().toEpochMilli())
          .thenComparing(s -> s.article().id());

  private StoryRebuild() {}

  public static Result run(ArticleIndex index) throws IOException {
    long start = System.currentTimeMillis();
    List<Stored> all = readAll(index);
    all.sort(PUBLICATION_ORDER);
    StoryAssigner assigner = StoryAssigner.inMemory();
    long changed = 0;
    Set<Long> stories = new HashSet<>();
    for (Stored s : all) {
      StoryStamp stamp = assigner.assign(List.of(s.article())).stamps().get(0);
      stories.add(stamp.story());
      if (stamp.story() != s.story()) {
        index.rewrite(s.article(), s.source(), stamp.story());
        changed++;
      }
    }
    index.commit(Map.of());
    return new Result(all.size(), stories.size(), changed, System.currentTimeMillis() - start);
  }

  private static List<Stored> readAll(ArticleIndex index) throws IOException {
    List<Stored> out = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields fields = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document d = fields.document(doc);
            out.add(new Stored(Schema.toArticle(d), Schema.toSourceFile(d), Schema.storyOf(d)));
          }
        }
      }
    }
    return out;
  }
}
