package org.dateline.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;

/**
 * The fast path into the index: already-enriched articles as JSON lines (one {@link Article} a
 * line, as {@code dateline bench generate} writes them) go straight to {@link ArticleIndex}, with
 * no parsing, enrichment or entity recognition. One thread reads lines, {@code threads} workers
 * turn batches of them into Lucene documents and add them; one commit at the end. Not reusable.
 */
public final class BulkLoader {

  private static final int BATCH = 500;
  private static final List<String> END = List.of();

  /** What a load did; text bytes are the UTF-8 bytes of title and body, the "raw text". */
  public record Result(
      long articles, long fileBytes, long textBytes, long elapsedMs, long commitMs) {
    public double articlesPerSecond() {
      return elapsedMs == 0 ? 0 : articles * 1000.0 / elapsedMs;
    }

    /** Megabytes (10^6) of raw text per second. */
    public double textMegabytesPerSecond() {
      return elapsedMs == 0 ? 0 : textBytes / 1e6 * 1000.0 / elapsedMs;
    }
  }

  private final ArticleIndex index;
  private final int threads;
  private final ObjectReader reader =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readerFor(Article.class);
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong textBytes = new AtomicLong();

  public BulkLoader(ArticleIndex index, int threads) {
    this.index = index;
    this.threads = Math.max(1, threads);
  }

  /** Loads every line of {@code jsonl}; articles keep their own ids and paths. */
  public Result load(Path jsonl) throws IOException {
    long start = System.nanoTime();
    SourceFile source = identity(jsonl);
    BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(threads * 4);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                work(queue, source);
                return null;
              }));
    }
    try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      List<String> batch = new ArrayList<>(BATCH);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          batch.add(line);
        }
        if (batch.size() == BATCH) {
          put(queue, batch);
          batch = new ArrayList<>(BATCH);
        }
      }
      put(queue, batch);
    } finally {
      for (int t = 0; t < threads; t++) {
        put(queue, END);
      }
      pool.shutdown();
    }
    for (Future<?> f : workers) {
      Indexer.waitFor(f);
    }
    long commitStart = System.nanoTime();
    index.commit(Map.of(Schema.LAST_INGEST_KEY, Instant.now().toString()));
    long end = System.nanoTime();
    return new Result(
        articles.get(),
        source.sizeBytes(),
        textBytes.get(),
        (end - start) / 1_000_000,
        (end - commitStart) / 1_000_000);
  }

  private void work(BlockingQueue<List<String>> queue, SourceFile file) throws Exception {
    while (true) {
      List<String> batch = queue.take();
      if (batch == END) {
        return;
      }
      List<Document> docs = new ArrayList<>(batch.size());
      long bytes = 0;
      for (String line : batch) {
        Article a = reader.readValue(line);
        bytes += utf8Length(a.title()) + utf8Length(a.text());
        docs.add(
            Schema.toDocument(
                a, new SourceFile(a.path(), file.sizeBytes(), file.mtimeMs(), file.sha256())));
      }
      index.writer().addDocuments(docs);
      articles.addAndGet(docs.size());
      textBytes.addAndGet(bytes);
    }
  }

  private static void put(BlockingQueue<List<String>> queue, List<String> batch)
      throws IOException {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("loading was interrupted", e);
    }
  }

  /** UTF-8 byte length without encoding the string. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static SourceFile identity(Path file) throws IOException {
    return new SourceFile(
        file.toAbsolutePath().normalize().toString(),
        Files.size(file),
        Files.getLastModifiedTime(file).toMillis(),
        FileHash.of(file, java.util.List.of()));
  }
}
