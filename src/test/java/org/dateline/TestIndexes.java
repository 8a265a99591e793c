package org.dateline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.config.Config;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.ingest.IngestFailure;
import org.dateline.pipeline.EntityPass;
import org.dateline.pipeline.Indexer;
import org.dateline.pipeline.IngestProgress;
import org.dateline.pipeline.IngestReport;

/** Builds real indexes in temp folders from real files through the whole pipeline. */
public final class TestIndexes {

  /** The project's sample archive. */
  public static final Path SEEDS = Path.of("seeds").toAbsolutePath();

  private TestIndexes() {}

  public static Config config(Path indexDir) {
    return Config.defaults().withIndexDir(indexDir).withIngestThreads(2);
  }

  /** Indexes {@code paths} into {@code indexDir} (no entity recogniser) and returns the report. */
  public static IngestReport index(Path indexDir, boolean prune, Path... paths) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(indexDir)) {
      return new Indexer(
              config(indexDir), index, Enricher.standard(EntityExtractor.NONE), IngestProgress.NONE)
          .run(List.of(paths), prune);
    }
  }

  /** The seeds indexed into {@code indexDir}, opened for search (the caller closes it). */
  public static org.dateline.search.SearchService seedsSearch(Path indexDir) throws IOException {
    index(indexDir, false, SEEDS);
    return org.dateline.search.SearchService.readOnly(indexDir);
  }

  /** Indexes {@code paths} with the real recogniser, then resolves entities across the index. */
  public static IngestReport indexWithEntities(Path indexDir, Path... paths) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(indexDir)) {
      IngestReport report =
          new Indexer(
                  config(indexDir),
                  index,
                  Enricher.standard(NerExtractor.shared()),
                  IngestProgress.NONE)
              .run(List.of(paths), false);
      EntityPass.run(index);
      return report;
    }
  }

  /**
   * Indexes {@code paths} with the real recogniser, then runs the entity pass (incremental unless
   * {@code fullPass} or the catalog is unusable) and returns what the pass did.
   */
  public static EntityPass.Result indexAndResolve(Path indexDir, boolean fullPass, Path... paths)
      throws IOException {
    return indexAndResolve(indexDir, fullPass, 1, paths);
  }

  /** {@link #indexAndResolve(Path, boolean, Path...)} with the pass spread over {@code threads}. */
  public static EntityPass.Result indexAndResolve(
      Path indexDir, boolean fullPass, int threads, Path... paths) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(indexDir)) {
      new Indexer(
              config(indexDir),
              index,
              Enricher.standard(NerExtractor.shared()),
              IngestProgress.NONE)
          .run(List.of(paths), false);
      return EntityPass.run(index, fullPass, threads);
    }
  }

  /** Indexes {@code paths} with {@code config} (its index folder) and returns the report. */
  public static IngestReport index(Config config, Path... paths) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(config.indexDir())) {
      return new Indexer(
              config, index, Enricher.standard(EntityExtractor.NONE), IngestProgress.NONE)
          .run(List.of(paths), false);
    }
  }

  /**
   * Copies {@code count} of the seed articles, in name order after the first {@code skip}, to
   * {@code dir}.
   */
  public static void copySeeds(Path dir, int skip, int count) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    try (java.util.stream.Stream<Path> seeds = java.nio.file.Files.list(SEEDS)) {
      for (Path p : seeds.sorted().skip(skip).limit(count).toList()) {
        java.nio.file.Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
  }

  /** Every live article of the committed index, as stored, by id. */
  public static Map<String, org.dateline.enrich.Article> storedArticlesById(Path indexDir)
      throws IOException {
    Map<String, org.dateline.enrich.Article> out = new java.util.TreeMap<>();
    storedArticles(indexDir).forEach(a -> out.put(a.id(), a));
    return out;
  }

  /** Every live article of the committed index, as stored. */
  public static List<org.dateline.enrich.Article> storedArticles(Path indexDir) throws IOException {
    List<org.dateline.enrich.Article> out = new java.util.ArrayList<>();
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            out.add(Schema.toArticle(stored.document(d)));
          }
        }
      }
    }
    return out;
  }

  /** How many live articles the committed index holds per article id (read from doc values). */
  public static Map<String, Integer> articlesById(Path indexDir) throws IOException {
    return countDocValues(indexDir, Schema.ID);
  }

  /** How many live articles the committed index holds per source path. */
  public static Map<String, Integer> articlesByPath(Path indexDir) throws IOException {
    return countDocValues(indexDir, Schema.PATH);
  }

  private static Map<String, Integer> countDocValues(Path indexDir, String field)
      throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues values = leaf.reader().getSortedDocValues(field);
        Bits live = leaf.reader().getLiveDocs();
        if (values == null) {
          continue;
        }
        for (int doc = values.nextDoc();
            doc != SortedDocValues.NO_MORE_DOCS;
            doc = values.nextDoc()) {
          if (live == null || live.get(doc)) {
            counts.merge(values.lookupOrd(values.ordValue()).utf8ToString(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  /** The seeds indexed with real entity recognition into {@code indexDir}, opened for search. */
  public static org.dateline.search.SearchService entitySeedsSearch(Path indexDir)
      throws IOException {
    indexWithEntities(indexDir, SEEDS);
    return org.dateline.search.SearchService.readOnly(indexDir);
  }

  /**
   * The first two files of Reuters-21578 (2,000 stories, the corpus's codes as entities) indexed
   * into {@code dir}/index in three segments, as `bench load` writes them; the calling test is
   * skipped where the corpus is not beside the project. Returns the index folder.
   */
  public static Path reutersSample(Path dir) throws IOException {
    Path corpus = sharedCorpus("reuters21578");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        corpus != null, "Reuters-21578 is not beside the project");
    Path sgm = java.nio.file.Files.createDirectories(dir.resolve("sgm"));
    for (String f : List.of("reut2-000.sgm", "reut2-001.sgm")) {
      java.nio.file.Files.copy(corpus.resolve("sgm").resolve(f), sgm.resolve(f));
    }
    Path index = dir.resolve("index");
    try (ArticleIndex writer = ArticleIndex.open(index)) {
      int n = 0;
      for (org.dateline.enrich.Article a : org.dateline.bench.CorpusStories.reutersArticles(sgm)) {
        writer.add(new org.dateline.index.SourceFile(a.path() + "#" + n++, 1, 1, "h"), List.of(a));
        if (n % 700 == 0) {
          writer.commit(Map.of());
        }
      }
      writer.commit(Map.of());
    }
    return index;
  }

  /** The shared corpus folder beside the project, or null when this checkout has none. */
  public static Path sharedCorpus(String name) {
    String shared = System.getProperty("dateline.shared", "../shared");
    Path p = Path.of(shared, "corpus", name);
    return java.nio.file.Files.isDirectory(p) ? p : null;
  }

  /**
   * {@code relative} (a file or folder) of the shared corpus {@code corpus} beside the project; the
   * calling test is skipped, not failed, where this checkout has none.
   */
  public static Path sharedOrSkip(String corpus, String relative) {
    Path folder = sharedCorpus(corpus);
    Path p = folder == null ? null : folder.resolve(relative);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        p != null && java.nio.file.Files.exists(p),
        "../shared/corpus/" + corpus + "/" + relative + " is absent: skipped");
    return p;
  }

  /** Outcome per file name of a run: "indexed N" or the failure label and its detail. */
  public static Map<String, String> outcomes(IngestReport report, Path index) throws IOException {
    Map<String, String> out = new TreeMap<>();
    TestIndexes.articlesByPath(index)
        .forEach((path, n) -> out.put(Path.of(path).getFileName().toString(), "indexed " + n));
    for (IngestFailure f : report.failures()) {
      out.put(Path.of(f.path()).getFileName().toString(), f.kind().label() + ": " + f.detail());
    }
    return out;
  }
}
