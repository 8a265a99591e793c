package org.dateline.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.dateline.enrich.Article;
import org.dateline.enrich.entities.EntityResolver;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.Registry;
import org.dateline.ingest.SourceFile;

/**
 * Resolves entities across the whole index: reads every stored article's recognised mentions,
 * resolves them together with the index folder's {@link Registry}, and rewrites the articles whose
 * entities changed (no source file, no Tika, no recogniser). Runs after every indexing run and on
 * {@code dateline entities apply}. Not thread-safe: one pass at a time per index.
 */
public final class EntityPass {

  /** What a pass did. */
  public record Result(int articles, int rewritten, long elapsedMs) {}

  private EntityPass() {}

  /** Resolves and rewrites, then commits. */
  public static Result run(ArticleIndex index) throws IOException {
    long start = System.currentTimeMillis();
    Registry registry = Registry.read(index.dir());
    List<Article> articles = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document doc = stored.document(d);
            articles.add(Schema.toArticle(doc));
            sources.add(Schema.toSourceFile(doc));
          }
        }
      }
    }
    List<EntityResolver.Doc> docs = new ArrayList<>(articles.size());
    for (Article a : articles) {
      docs.add(new EntityResolver.Doc(a.id(), a.text(), a.recognised()));
    }
    Map<String, List<Mention>> resolved = new EntityResolver(registry).resolve(docs);
    int rewritten = 0;
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      List<Mention> mentions = resolved.get(a.id());
      if (!mentions.equals(a.mentions())) {
        index.rewrite(a.withEntities(Article.namesOf(mentions), mentions), sources.get(i));
        rewritten++;
      }
    }
    index.commit(Map.of());
    return new Result(articles.size(), rewritten, System.currentTimeMillis() - start);
  }
}
