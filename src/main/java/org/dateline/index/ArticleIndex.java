package org.dateline.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;

/**
 * The writable index: one {@link IndexWriter} over the index folder. Each source file's articles
 * are replaced as one block ({@code updateDocuments} on the file's path), so an article is never
 * duplicated, and state becomes durable only at {@link #commit}, which Lucene makes atomic: a crash
 * loses at most the work since the last commit, never the index. Thread-safe (IndexWriter is).
 */
public final class ArticleIndex implements Closeable {

  /** Commit user-data keys. */
  public static final String SCHEMA_KEY = "dateline.schema";

  /** The generation of the entity catalog that matches this commit ({@link EntityCatalog}). */
  public static final String ENTITY_CATALOG_KEY = "dateline.entity_catalog";

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;

  private ArticleIndex(Path dir, Directory directory, IndexWriter writer) {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
  }

  /**
   * Opens (or creates) the index in {@code dir}. An index written by another schema version, which
   * this version does not read as it is ({@link Schema#READS_AS_IS}), is refused untouched with an
   * {@link IndexLayoutException}: emptying it would lose every article whose source is not at hand.
   */
  public static ArticleIndex open(Path dir) throws IOException {
    return open(dir, false);
  }

  /**
   * {@link #open(Path)}; with {@code rebuildOther}, an index of another schema version is emptied
   * instead of refused, for the caller to read again from its sources ({@code index --rebuild}).
   */
  public static ArticleIndex open(Path dir, boolean rebuildOther) throws IOException {
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    IndexWriterConfig.OpenMode mode = IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
    if (DirectoryReader.indexExists(directory)) {
      Map<String, String> data = commitData(directory);
      String version = data.get(SCHEMA_KEY);
      if (!Schema.VERSION.equals(version) && !Schema.READS_AS_IS.contains(version)) {
        if (!rebuildOther) {
          directory.close();
          throw new IndexLayoutException(version, IndexRoots.of(data));
        }
        mode = IndexWriterConfig.OpenMode.CREATE;
      }
    }
    IndexWriterConfig iwc = new IndexWriterConfig(Schema.indexAnalyzer());
    iwc.setOpenMode(mode);
    iwc.setCodec(DatelineCodec.writing());
    iwc.setRAMBufferSizeMB(128);
    iwc.setCommitOnClose(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    // Near-real-time refreshes (serve --watch) flush a segment of a few articles every 250 ms.
    // Below the floor every segment counts as floor-sized, so with Lucene's default floor (16 MB)
    // the small segment they are merged into is merged again, whole, with each next few: the
    // watch profile had a quarter of the server's CPU in merges. Bulk runs flush 128 MB segments,
    // which the floor does not touch.
    merges.setFloorSegmentMB(1);
    iwc.setMergePolicy(merges);
    IndexWriter writer = new IndexWriter(directory, iwc);
    return new ArticleIndex(dir, directory, writer);
  }

  /** The last commit's user data, read from its segments file alone (no segment is opened). */
  private static Map<String, String> commitData(Directory directory) throws IOException {
    return SegmentInfos.readLatestCommit(directory).getUserData();
  }

  public Path dir() {
    return dir;
  }

  public IndexWriter writer() {
    return writer;
  }

  /** Replaces every article of {@code source} with {@code articles} (possibly none). */
  public void replace(SourceFile source, List<Article> articles) throws IOException {
    replace(source, articles, alone(articles));
  }

  /** {@link #replace}, each article in the story its {@code stories} stamp names. */
  public void replace(SourceFile source, List<Article> articles, List<StoryStamp> stories)
      throws IOException {
    writer.updateDocuments(
        new Term(Schema.PATH, source.path()), documents(source, articles, stories));
  }

  /**
   * Adds the articles of a file the index has never held: no delete by path to look up, which is
   * most of a bulk ingest. Only for paths absent from the last commit's {@link #catalog()}.
   */
  public void add(SourceFile source, List<Article> articles) throws IOException {
    add(source, articles, alone(articles));
  }

  /** {@link #add}, each article in the story its {@code stories} stamp names. */
  public void add(SourceFile source, List<Article> articles, List<StoryStamp> stories)
      throws IOException {
    writer.addDocuments(documents(source, articles, stories));
  }

  private static List<Document> documents(
      SourceFile source, List<Article> articles, List<StoryStamp> stories) throws IOException {
    List<Document> docs = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      docs.add(Schema.toDocument(articles.get(i), source, stories.get(i)));
    }
    return docs;
  }

  private static List<StoryStamp> alone(List<Article> articles) {
    return articles.stream().map(StoryStamp::alone).toList();
  }

  /**
   * Rewrites one stored article in place (same id, same source, same story {@code story}), e.g.
   * with new entity names.
   */
  public void rewrite(Article article, SourceFile source, long story) throws IOException {
    rewrite(article, source, story, null);
  }

  /**
   * {@link #rewrite(Article, SourceFile, long)}, the article's MinHash values carried over from
   * {@code storedValues} (its {@link Schema#MINHASH_VALUES} as the index holds them) when given,
   * instead of fingerprinting its text again (the same fields either way).
   */
  public void rewrite(Article article, SourceFile source, long story, BytesRef storedValues)
      throws IOException {
    StoryStamp stamp =
        storedValues == null
            ? StoryStamp.stored(article, story)
            : StoryStamp.kept(story, storedValues);
    writer.updateDocument(
        new Term(Schema.ID, article.id()), Schema.toDocument(article, source, stamp));
  }

  /** Records that entity pass {@code generation} resolved the article {@code id}. */
  public void markResolved(String id, long generation) throws IOException {
    writer.updateNumericDocValue(new Term(Schema.ID, id), Schema.ENTITY_PASS, generation);
  }

  /** Removes every article that came from {@code path}. */
  public void deleteSource(String path) throws IOException {
    writer.deleteDocuments(new Term(Schema.PATH, path));
  }

  /** Makes everything written so far durable, recording {@code userData} in the commit. */
  public void commit(Map<String, String> userData) throws IOException {
    Map<String, String> data = new HashMap<>(lastCommitData());
    data.putAll(userData);
    data.put(SCHEMA_KEY, Schema.VERSION);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /**
   * Merges away the deleted copies an update left (the entity pass rewrites every article it
   * resolves) and commits, so they do not stay on disk: {@link #close} rolls back, which drops the
   * merges Lucene ran after the last commit (issue 20: a fresh Reuters index held every article
   * twice, 70 MB instead of 44). Only segments with more than a tenth deleted are rewritten.
   *
   * <p>A merge Lucene started on its own (after the pass's last flush) is waited for first: the
   * segments it holds are not picked for merging away deletes, and its result, uncommitted, would
   * be dropped at close, leaving every copy it held on disk (session 13: a Reuters index as {@code
   * bench ingest} wrote it kept 7,262 deleted copies in 8 segments, 56.5 MB for 38.9).
   */
  public void reclaimDeleted() throws IOException {
    if (!writer.hasDeletions()) {
      return;
    }
    if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
      merges.sync();
    }
    writer.forceMergeDeletes(true);
    commit(Map.of());
  }

  /**
   * An index of at most this many bytes is merged into one segment at the end of a run ({@link
   * #compact}). Issue 20: Reuters with entities as {@code dateline index} leaves it is 4 segments
   * and 1.8 MB (5 %) over its one-segment rewrite, nearly all terms dictionaries (each segment
   * repeats the archive's common words) and positions; merging 35 MB takes a few seconds of the
   * run's minutes. Above it a run keeps Lucene's merges (at 1 M articles, 1.3 GB, merging all after
   * every run would rewrite the archive each time).
   */
  public static final long ONE_SEGMENT_MAX_BYTES = 64L << 20;

  /**
   * The end of an ingest run: {@link #reclaimDeleted}, then an index of more than one segment and
   * at most {@link #ONE_SEGMENT_MAX_BYTES} on disk is merged into one and committed. No article,
   * field or answer changes (a search breaks ties by article id, not by position in the index);
   * only fewer bytes, since each segment has its own terms dictionary.
   */
  public void compact() throws IOException {
    compact(ONE_SEGMENT_MAX_BYTES);
  }

  /** {@link #compact()} with another bar (tests). */
  void compact(long oneSegmentMaxBytes) throws IOException {
    reclaimDeleted();
    if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
      merges.sync();
    }
    long bytes = 0;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      if (reader.leaves().size() <= 1) {
        return;
      }
      for (LeafReaderContext leaf : reader.leaves()) {
        bytes += ((SegmentReader) leaf.reader()).getSegmentInfo().sizeInBytes();
      }
    }
    if (bytes > oneSegmentMaxBytes) {
      return;
    }
    writer.forceMerge(1);
    commit(Map.of());
  }

  /** The user data of the last commit, or an empty map for a new index. */
  public Map<String, String> lastCommitData() throws IOException {
    return DirectoryReader.indexExists(directory) ? commitData(directory) : Map.of();
  }

  /** Every source file the index holds articles of, as last indexed (read from doc values). */
  public Map<String, SourceFile> catalog() throws IOException {
    Map<String, SourceFile> sources = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        readCatalog(leaf.reader(), sources);
      }
    }
    return sources;
  }

  private static void readCatalog(LeafReader leaf, Map<String, SourceFile> into)
      throws IOException {
    SortedDocValues paths = leaf.getSortedDocValues(Schema.PATH);
    SortedDocValues hashes = leaf.getSortedDocValues(Schema.FILE_HASH);
    NumericDocValues sizes = leaf.getNumericDocValues(Schema.FILE_SIZE);
    NumericDocValues mtimes = leaf.getNumericDocValues(Schema.FILE_MTIME);
    if (paths == null || hashes == null || sizes == null || mtimes == null) {
      return;
    }
    Bits live = leaf.getLiveDocs();
    for (int doc = paths.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = paths.nextDoc()) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
      if (into.containsKey(path) || !hashes.advanceExact(doc)) {
        continue;
      }
      long size = sizes.advanceExact(doc) ? sizes.longValue() : -1;
      long mtime = mtimes.advanceExact(doc) ? mtimes.longValue() : -1;
      String hash = hashes.lookupOrd(hashes.ordValue()).utf8ToString();
      into.put(path, new SourceFile(path, size, mtime, hash));
    }
  }

  /** Closes without committing: uncommitted work is dropped, the last commit stays intact. */
  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } finally {
      directory.close();
    }
  }
}
