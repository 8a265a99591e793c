package org.dateline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.Schema;
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
      double queryCpuP50Us,
      double queryCpuP99Us,
      double lookupCpuP50Us,
      double lookupCpuP99Us,
      long undatedSamples,
      double meanCandidates,
      long samplesWithCopies,
      double loadAverage,
      Candidates candidates,
      ByTerms byTerms) {}

  /**
   * The same candidate query asked of the MinHash terms in every segment the window meets ({@link
   * StoryAssigner#candidatesByTerms}, the lookup before schema 11), timed interleaved with the
   * lookup's own (which one runs first alternates), and in how many lookups the two tops differ
   * (documents or scores; 0 if the lookup's is right).
   */
  public record ByTerms(
      double queryP50Us,
      double queryP99Us,
      double queryCpuP50Us,
      double queryCpuP99Us,
      long differingTops) {}

  /**
   * What the timed lookups' candidates would be without the window in the query (as the lookup read
   * before session 11; counted afterwards, untimed): articles matching the MinHash clauses in all
   * (the article itself among them), those among the top {@value #CANDIDATES} read by the lookup,
   * how many of those (the article itself left out) are within {@link StoryAssigner#WINDOW} of it
   * (the others are read and dropped), how many lookups matched more than the top holds, how many
   * of all the matches are within the window, and in how many lookups one within the window was
   * beyond the top (not seen: a copy there is missed).
   */
  public record Candidates(
      double meanMatching,
      double meanRead,
      double meanReadInWindow,
      long lookupsOverTop,
      double meanAllInWindow,
      long lookupsMissingInWindow,
      Recall windowed) {}

  /**
   * The query the lookup runs (the window leading) against brute force: of all the articles
   * matching the MinHash clauses and within the window (the article itself left out), how many its
   * top {@value #CANDIDATES} hold, how many it returned outside that set (none if it is right), and
   * in how many lookups one was missing.
   */
  public record Recall(long inWindow, long found, long extra, long lookupsMissing) {
    /** Found / in window (1 when there was nothing to find). */
    public double recall() {
      return inWindow == 0 ? 1 : (double) found / inWindow;
    }
  }

  /** The lookup reads at most this many candidates (as {@link StoryAssigner} does). */
  public static final int CANDIDATES = 50;

  private record Sample(int doc, String id, Fingerprint fp, Long dateMs) {}

  private StoryLookupBench() {}

  /** Times {@code samples} lookups (after {@code warmup} untimed ones) in the index {@code dir}. */
  public static Result run(Path dir, int samples, int warmup, long seed) throws IOException {
    return run(dir, samples, warmup, seed, Integer.MAX_VALUE);
  }

  /**
   * As {@link #run(Path, int, int, long)}, the brute force (recall, untimed) of the first {@code
   * recallSamples} timed lookups only: on an index whose articles have no MinHash terms it compares
   * every article, about a second a lookup at 1 M.
   */
  public static Result run(Path dir, int samples, int warmup, long seed, int recallSamples)
      throws IOException {
    try (Directory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      List<Sample> drawn = draw(reader, samples + warmup, seed);
      for (Sample s : drawn.subList(0, Math.min(warmup, drawn.size()))) {
        searcher.search(StoryAssigner.candidates(s.fp(), s.dateMs()), CANDIDATES);
        searcher.search(StoryAssigner.candidatesByTerms(s.fp(), s.dateMs()), CANDIDATES);
        StoryAssigner.verifiedCopies(reader, s.id(), s.fp(), s.dateMs());
      }
      List<Sample> timed = drawn.subList(Math.min(warmup, drawn.size()), drawn.size());
      long[] query = new long[timed.size()];
      long[] lookup = new long[timed.size()];
      long[] lookupCpu = new long[timed.size()];
      long[] queryCpu = new long[timed.size()];
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long candidates = 0;
      long withCopies = 0;
      long[] termsQuery = new long[timed.size()];
      long[] termsQueryCpu = new long[timed.size()];
      long differing = 0;
      for (int i = 0; i < timed.size(); i++) {
        Sample s = timed.get(i);
        ScoreDoc[] top = null;
        ScoreDoc[] byTerms = null;
        // The two forms of the query interleaved, each first in every other lookup.
        for (int k = 0; k < 2; k++) {
          boolean terms = (k == 0) == (i % 2 == 0);
          Query q =
              terms
                  ? StoryAssigner.candidatesByTerms(s.fp(), s.dateMs())
                  : StoryAssigner.candidates(s.fp(), s.dateMs());
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          ScoreDoc[] hits = searcher.search(q, CANDIDATES).scoreDocs;
          long t1 = System.nanoTime();
          long c1 = threads.getCurrentThreadCpuTime();
          if (terms) {
            byTerms = hits;
            termsQuery[i] = t1 - t0;
            termsQueryCpu[i] = c1 - c0;
          } else {
            top = hits;
            query[i] = t1 - t0;
            queryCpu[i] = c1 - c0;
          }
        }
        candidates += top.length;
        differing += sameTop(top, byTerms) ? 0 : 1;
        long c1 = threads.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        int copies = StoryAssigner.verifiedCopies(reader, s.id(), s.fp(), s.dateMs());
        long t2 = System.nanoTime();
        lookupCpu[i] = threads.getCurrentThreadCpuTime() - c1;
        lookup[i] = t2 - t1;
        withCopies += copies > 0 ? 1 : 0;
      }
      Arrays.sort(termsQuery);
      Arrays.sort(termsQueryCpu);
      Arrays.sort(query);
      Arrays.sort(lookup);
      Arrays.sort(lookupCpu);
      Arrays.sort(queryCpu);
      return new Result(
          reader.numDocs(),
          timed.size(),
          RefreshTimes.pct(query, 50) * 1000,
          RefreshTimes.pct(query, 99) * 1000,
          RefreshTimes.pct(lookup, 50) * 1000,
          RefreshTimes.pct(lookup, 99) * 1000,
          lookup.length == 0 ? 0 : lookup[lookup.length - 1] / 1e3,
          RefreshTimes.pct(queryCpu, 50) * 1000,
          RefreshTimes.pct(queryCpu, 99) * 1000,
          RefreshTimes.pct(lookupCpu, 50) * 1000,
          RefreshTimes.pct(lookupCpu, 99) * 1000,
          timed.stream().filter(s -> s.dateMs() == null).count(),
          timed.isEmpty() ? 0 : (double) candidates / timed.size(),
          withCopies,
          BenchFiles.loadAverage(),
          candidates(reader, searcher, timed.subList(0, Math.min(recallSamples, timed.size()))),
          new ByTerms(
              RefreshTimes.pct(termsQuery, 50) * 1000,
              RefreshTimes.pct(termsQuery, 99) * 1000,
              RefreshTimes.pct(termsQueryCpu, 50) * 1000,
              RefreshTimes.pct(termsQueryCpu, 99) * 1000,
              differing));
    }
  }

  /** The same documents with the same scores in the same order. */
  private static boolean sameTop(ScoreDoc[] a, ScoreDoc[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i].doc != b[i].doc || a[i].score != b[i].score) {
        return false;
      }
    }
    return true;
  }

  private static Candidates candidates(
      DirectoryReader reader, IndexSearcher searcher, List<Sample> samples) throws IOException {
    long matching = 0;
    long read = 0;
    long inWindowRead = 0;
    long inWindowAll = 0;
    long overTop = 0;
    long missing = 0;
    long[] recall = new long[4];
    for (Sample s : samples) {
      Query q = StoryAssigner.candidates(s.fp());
      int count = searcher.count(q);
      // The whole ranking: its first CANDIDATES are the lookup's top (same order, ties by doc).
      ScoreDoc[] all = searcher.search(q, Math.max(1, count)).scoreDocs;
      int top = Math.min(CANDIDATES, all.length);
      matching += count;
      read += top;
      overTop += count > CANDIDATES ? 1 : 0;
      int inTop = inWindow(reader, s, Arrays.copyOf(all, top)).length;
      int[] brute = inWindow(reader, s, all);
      int inAll = brute.length;
      windowed(searcher, s, brute, recall);
      inWindowRead += inTop;
      inWindowAll += inAll;
      missing += inAll > inTop ? 1 : 0;
    }
    double n = Math.max(1, samples.size());
    return new Candidates(
        matching / n,
        read / n,
        inWindowRead / n,
        overTop,
        inWindowAll / n,
        missing,
        new Recall(recall[0], recall[1], recall[2], recall[3]));
  }

  /**
   * Adds to {@code recall} (in window, found, extra, lookups missing one) what the lookup's own
   * query returns for {@code s}, against {@code inWindow}, the brute-force answer.
   */
  private static void windowed(IndexSearcher searcher, Sample s, int[] inWindow, long[] recall)
      throws IOException {
    int found = 0;
    for (ScoreDoc sd :
        searcher.search(StoryAssigner.candidates(s.fp(), s.dateMs()), CANDIDATES).scoreDocs) {
      if (sd.doc == s.doc()) {
        continue;
      }
      if (Arrays.binarySearch(inWindow, sd.doc) >= 0) {
        found++;
      } else {
        recall[2]++;
      }
    }
    recall[0] += inWindow.length;
    recall[1] += found;
    recall[3] += found < inWindow.length ? 1 : 0;
  }

  /**
   * The documents of {@code hits}, the article itself left out, within the window of it; sorted.
   */
  private static int[] inWindow(DirectoryReader reader, Sample s, ScoreDoc[] hits)
      throws IOException {
    Long latest = s.dateMs() != null ? null : latestDate(reader);
    int[] docs = Arrays.stream(hits).mapToInt(sd -> sd.doc).sorted().toArray();
    NumericDocValues dates = MultiDocValues.getNumericValues(reader, Schema.DATE);
    int[] in = new int[docs.length];
    int n = 0;
    for (int doc : docs) {
      if (doc == s.doc()) {
        continue; // the article itself (it is in the index), which the lookup skips as well
      }
      boolean dated = dates != null && dates.advanceExact(doc);
      // an undated article's window is that of the latest date
      Long at = s.dateMs() != null ? s.dateMs() : latest;
      if (!dated
          || at == null
          || Math.abs(dates.longValue() - at) <= StoryAssigner.WINDOW.toMillis()) {
        in[n++] = doc;
      }
    }
    return Arrays.copyOf(in, n);
  }

  /** The latest date of {@code reader}'s articles, or null when none is dated. */
  private static Long latestDate(DirectoryReader reader) throws IOException {
    Long latest = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues dates = leaf.reader().getNumericDocValues(Schema.DATE);
      while (dates != null && dates.nextDoc() != NumericDocValues.NO_MORE_DOCS) {
        latest = latest == null ? dates.longValue() : Math.max(latest, dates.longValue());
      }
    }
    return latest;
  }

  /** {@code n} articles long enough to have MinHash values, drawn with {@code seed}. */
  private static List<Sample> draw(DirectoryReader reader, int n, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    var stored = reader.storedFields();
    List<Sample> out = new ArrayList<>(n);
    for (int tries = 0; out.size() < n && tries < n * 20 && reader.maxDoc() > 0; tries++) {
      int doc = rnd.nextInt(reader.maxDoc());
      Document d = stored.document(doc);
      Article a = Schema.toArticle(d);
      Fingerprint fp = Fingerprint.of(a.title(), a.text());
      if (fp.comparable()) {
        // the date the lookup sees (a copy made undated keeps its stored one)
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        NumericDocValues dates = leaf.reader().getNumericDocValues(Schema.DATE);
        Long ms =
            dates != null && dates.advanceExact(doc - leaf.docBase) ? dates.longValue() : null;
        out.add(new Sample(doc, a.id(), fp, ms));
      }
    }
    return out;
  }
}
