package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.pipeline.StoryAssigner;
import org.dateline.search.RefreshTimes;

/**
 * The cost of ingest's story lookup on an index of any size: for articles drawn from the index with
 * a fixed seed, their fingerprints made first (not timed), then, timed one at a time, the candidate
 * query alone (articles sharing {@link StoryAssigner#MIN_SHARED} MinHash values, top 50) and the
 * whole lookup (the query, each candidate's text read and shingled, the copy rule applied), as
 * ingest runs them against its reader.
 */
public final class StoryLookupBench {

  /** Figures: percentiles in microseconds. */
  public record Result(
      long indexArticles,
      int samples,
      double queryP50Us,
      double queryP99Us,
      double lookupP50Us,
      double lookupP99Us,
      double lookupMaxUs,
      double meanCandidates,
      long samplesWithCopies,
      double loadAverage) {}

  private record Sample(String id, Fingerprint fp, Long dateMs) {}

  private StoryLookupBench() {}

  /** Times {@code samples} lookups (after {@code warmup} untimed ones) in the index {@code dir}. */
  public static Result run(Path dir, int samples, int warmup, long seed) throws IOException {
    try (Directory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      List<Sample> drawn = draw(reader, samples + warmup, seed);
      for (Sample s : drawn.subList(0, Math.min(warmup, drawn.size()))) {
        searcher.count(StoryAssigner.candidates(s.fp()));
        StoryAssigner.verifiedCopies(reader, s.id(), s.fp(), s.dateMs());
      }
      List<Sample> timed = drawn.subList(Math.min(warmup, drawn.size()), drawn.size());
      long[] query = new long[timed.size()];
      long[] lookup = new long[timed.size()];
      long candidates = 0;
      long withCopies = 0;
      for (int i = 0; i < timed.size(); i++) {
        Sample s = timed.get(i);
        long t0 = System.nanoTime();
        candidates += searcher.search(StoryAssigner.candidates(s.fp()), 50).scoreDocs.length;
        long t1 = System.nanoTime();
        int copies = StoryAssigner.verifiedCopies(reader, s.id(), s.fp(), s.dateMs());
        long t2 = System.nanoTime();
        query[i] = t1 - t0;
        lookup[i] = t2 - t1;
        withCopies += copies > 0 ? 1 : 0;
      }
      Arrays.sort(query);
      Arrays.sort(lookup);
      return new Result(
          reader.numDocs(),
          timed.size(),
          RefreshTimes.pct(query, 50) * 1000,
          RefreshTimes.pct(query, 99) * 1000,
          RefreshTimes.pct(lookup, 50) * 1000,
          RefreshTimes.pct(lookup, 99) * 1000,
          lookup.length == 0 ? 0 : lookup[lookup.length - 1] / 1e3,
          timed.isEmpty() ? 0 : (double) candidates / timed.size(),
          withCopies,
          BenchFiles.loadAverage());
    }
  }

  /** {@code n} articles long enough to have MinHash values, drawn with {@code seed}. */
  private static List<Sample> draw(DirectoryReader reader, int n, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    var stored = reader.storedFields();
    List<Sample> out = new ArrayList<>(n);
    for (int tries = 0; out.size() < n && tries < n * 20 && reader.maxDoc() > 0; tries++) {
      int doc = rnd.nextInt(reader.maxDoc());
      Document d = stored.document(doc);
      Article a = org.dateline.index.Schema.toArticle(d);
      Fingerprint fp = Fingerprint.of(a.title(), a.text());
      if (fp.comparable()) {
        Long ms = a.date() == null ? null : a.date().instant().toEpochMilli();
        out.add(new Sample(a.id(), fp, ms));
      }
    }
    return out;
  }
}
