package org.dateline.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.dateline.index.Schema;
import org.dateline.search.QueryFactory;

/**
 * Dateline's ranking on an index, with one thing changed at a time so each change's effect on
 * relevance can be measured apart: inflections (the stem fields) on or off, English stop words
 * dropped from the query, BM25's k1 and b, the title boost, and a proximity boost (the query's
 * words near each other in the body). The query is parsed by the product's own {@link
 * QueryFactory}; the index is read as it is. Not thread-safe.
 */
public final class DatelineRanking implements RelevanceBench.Engine, Closeable {

  /** One ranking setting. */
  public record Setting(
      String name,
      boolean stems,
      boolean dropStopWords,
      float k1,
      float b,
      float titleBoost,
      float proximityBoost,
      int proximitySlop) {

    /** The product's defaults. */
    public static Setting defaults() {
      return new Setting(
          "defaults",
          true,
          false,
          Schema.BM25_K1,
          Schema.BM25_B,
          Schema.DEFAULT_FIELDS.get(Schema.TITLE),
          0,
          0);
    }

    public Setting named(String newName) {
      return new Setting(
          newName, stems, dropStopWords, k1, b, titleBoost, proximityBoost, proximitySlop);
    }
  }

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Setting setting;

  public DatelineRanking(Path index, Setting setting) throws IOException {
    this.reader = DirectoryReader.open(FSDirectory.open(index));
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(setting.k1(), setting.b()));
    this.setting = setting;
  }

  @Override
  public List<String> top(String query, int n) throws IOException {
    String text = setting.dropStopWords() ? withoutStopWords(query) : query;
    Query q = reshape(QueryFactory.parse(text));
    List<String> words = plainWords(text);
    if (setting.proximityBoost() > 0 && words.size() > 1) {
      Query near =
          QueryFactory.parse("\"" + String.join(" ", words) + "\"~" + setting.proximitySlop());
      q =
          new BooleanQuery.Builder()
              .add(q, BooleanClause.Occur.MUST)
              .add(new BoostQuery(near, setting.proximityBoost()), BooleanClause.Occur.SHOULD)
              .build();
    }
    StoredFields stored = searcher.storedFields();
    List<String> ids = new ArrayList<>(n);
    for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
      ids.add(
          Schema.toArticle(stored.document(sd.doc, Set.of(Schema.ID, Schema.META, Schema.BODY)))
              .itemKey());
    }
    return ids;
  }

  /** The query's words when it is plain words (no operators, quotes or fields), else none. */
  static List<String> plainWords(String query) {
    if (!query.matches("[\\p{L}\\p{N}' -]+")) {
      return List.of();
    }
    return Arrays.stream(query.strip().split("\\s+"))
        .filter(w -> !w.equals("AND") && !w.equals("OR") && !w.equals("NOT"))
        .toList();
  }

  private static String withoutStopWords(String query) {
    return Arrays.stream(query.strip().split("\\s+"))
        .filter(
            w ->
                !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(
                    w.toLowerCase(java.util.Locale.ROOT)))
        .collect(Collectors.joining(" "));
  }

  /** The query with this setting's title boost, and without its stem clauses when stems are off. */
  Query reshape(Query q) {
    if (q instanceof BoostQuery bq) {
      Set<String> fields = fields(bq.getQuery());
      boolean title = Set.of(Schema.TITLE, Schema.TITLE_STEM).containsAll(fields);
      return new BoostQuery(reshape(bq.getQuery()), title ? setting.titleBoost() : bq.getBoost());
    }
    if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      for (BooleanClause c : bq.clauses()) {
        Set<String> fields = fields(c.query());
        if (!setting.stems()
            && !fields.isEmpty()
            && fields.stream().allMatch(Schema::isStemField)) {
          continue;
        }
        b.add(reshape(c.query()), c.occur());
      }
      return b.build();
    }
    return q;
  }

  private static Set<String> fields(Query q) {
    Set<String> fields = new HashSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            fields.add(field);
            return true;
          }
        });
    return fields;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
