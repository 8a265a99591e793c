package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.CopyRule;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.enrich.story.Overlap;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;

/**
 * How well ingest put copies in stories, judged against brute force over every pair of an index's
 * articles: exact shingle overlap (no MinHash), so the truth does not share the method's shortcut.
 */
public final class StoryBench {

  /** Pairs of the truth are at most this far apart (the issue's evaluation window). */
  public static final long TRUTH_WINDOW_MS = 72L * 3600 * 1000;

  /** Ingest looks for copies this far apart. */
  public static final long INGEST_WINDOW_MS = 7L * 24 * 3600 * 1000;

  /**
   * One article as stored: its story and its fingerprint recomputed from its stored text; {@code
   * key} names it in a report (its item key, a Reuters NEWID; its id when it has none).
   */
  public record Stored(
      String id, String title, Long dateMs, long story, Fingerprint fp, String key) {
    boolean founder() {
      return story == StoryStamp.storyIdOf(id);
    }
  }

  /**
   * The figures. {@code truthPairs}: pairs whose shorter text has at least 40 shingles, at most 72
   * h apart that are copies by the join rule ({@link CopyRule#copies(Fingerprint, Fingerprint,
   * Overlap)}); {@code found}: those whose two articles share a story; {@code coverage...}: the
   * same for the truth a join on coverage alone would make, without the names test ({@link
   * Overlap#joinsByCoverage}). {@code joined}: articles that joined another's story; {@code
   * justified}: those with a story mate they are a copy of by the join rule (long texts: exact
   * overlap within 7 days; short ones: same exact hash within 12 h); {@code beyondTruthWindow}:
   * joins justified only by a mate 72 h to 7 days away; {@code chainedPairs}: same-story pairs of
   * long texts within 72 h that are not copies of each other (a third copy links them); {@code
   * unjustified}: the ids of the joins not justified; {@code missed}: the truth pairs not found, as
   * "id/id".
   */
  public record Accuracy(
      long articles,
      long stories,
      long storiesOfTwoOrMore,
      long truthPairs,
      long found,
      double recall,
      long coverageTruthPairs,
      long coverageFound,
      double coverageRecall,
      long joined,
      long justified,
      double precision,
      long shortJoined,
      long beyondTruthWindow,
      long chainedPairs,
      List<String> unjustified,
      List<String> missed) {}

  private StoryBench() {}

  /** Every live article of the index in {@code dir}. */
  public static List<Stored> read(Path dir) throws IOException {
    List<Stored> out = new ArrayList<>();
    try (Directory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields fields = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document stored = fields.document(doc);
            Article a = Schema.toArticle(stored);
            Long date = a.date() == null ? null : a.date().instant().toEpochMilli();
            out.add(
                new Stored(
                    a.id(),
                    a.title(),
                    date,
                    Schema.storyOf(stored),
                    Fingerprint.of(a.title(), a.text()),
                    a.itemKey() == null ? a.id() : a.itemKey()));
          }
        }
      }
    }
    return out;
  }

  /** Stories holding two articles or more. */
  public static long storiesOfTwoOrMore(List<Stored> articles) {
    Map<Long, Integer> sizes = new HashMap<>();
    articles.forEach(a -> sizes.merge(a.story(), 1, Integer::sum));
    return sizes.values().stream().filter(n -> n >= 2).count();
  }

  /** The accuracy of the stories in {@code articles} against brute force. */
  public static Accuracy accuracy(List<Stored> articles) {
    int n = articles.size();
    Copies copies = copies(articles);
    List<List<Integer>> copiesOf = copies.byRule();
    long[] truth = truthFound(articles, copiesOf);
    long[] byCoverage = truthFound(articles, copies.byCoverage());
    long chained = 0;
    Map<Long, List<Integer>> byStory = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byStory.computeIfAbsent(articles.get(i).story(), k -> new ArrayList<>()).add(i);
    }
    long joined = 0;
    long justified = 0;
    long shortJoined = 0;
    long beyond = 0;
    List<String> unjustified = new ArrayList<>();
    for (List<Integer> story : byStory.values()) {
      chained += chainedPairs(articles, story, copiesOf);
      for (int i : story) {
        Stored a = articles.get(i);
        if (a.founder()) {
          continue;
        }
        joined++;
        shortJoined += a.fp().comparable() ? 0 : 1;
        long nearest = nearestMate(articles, story, i, copiesOf.get(i));
        justified += nearest <= INGEST_WINDOW_MS ? 1 : 0;
        if (nearest > INGEST_WINDOW_MS) {
          unjustified.add(a.key());
        }
        beyond += nearest > TRUTH_WINDOW_MS && nearest <= INGEST_WINDOW_MS ? 1 : 0;
      }
    }
    return new Accuracy(
        n,
        byStory.size(),
        storiesOfTwoOrMore(articles),
        truth[0],
        truth[1],
        truth[0] == 0 ? 1 : (double) truth[1] / truth[0],
        byCoverage[0],
        byCoverage[1],
        byCoverage[0] == 0 ? 1 : (double) byCoverage[1] / byCoverage[0],
        joined,
        justified,
        joined == 0 ? 1 : (double) justified / joined,
        shortJoined,
        beyond,
        chained,
        unjustified.stream().sorted().toList(),
        missed(articles, copiesOf));
  }

  /** The truth pairs of {@code copiesOf} at most 72 h apart whose articles are in two stories. */
  private static List<String> missed(List<Stored> articles, List<List<Integer>> copiesOf) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      for (int j : copiesOf.get(i)) {
        Stored a = articles.get(i);
        Stored b = articles.get(j);
        if (j > i && apart(a, b) <= TRUTH_WINDOW_MS && a.story() != b.story()) {
          out.add(a.key() + "/" + b.key());
        }
      }
    }
    return out;
  }

  /** The truth pairs of {@code copiesOf} at most 72 h apart, and how many of them share a story. */
  private static long[] truthFound(List<Stored> articles, List<List<Integer>> copiesOf) {
    long truth = 0;
    long found = 0;
    for (int i = 0; i < articles.size(); i++) {
      for (int j : copiesOf.get(i)) {
        if (j > i && apart(articles.get(i), articles.get(j)) <= TRUTH_WINDOW_MS) {
          truth++;
          found += articles.get(i).story() == articles.get(j).story() ? 1 : 0;
        }
      }
    }
    return new long[] {truth, found};
  }

  /** How far (ms) the nearest story mate of article {@code i} that it copies is; MAX if none. */
  private static long nearestMate(
      List<Stored> articles, List<Integer> story, int i, List<Integer> copies) {
    Stored a = articles.get(i);
    long best = Long.MAX_VALUE;
    for (int j : story) {
      Stored b = articles.get(j);
      boolean copy =
          a.fp().comparable()
              ? copies.contains(j)
              : j != i
                  && a.fp().exactHash() != 0
                  && a.fp().exactHash() == b.fp().exactHash()
                  && apart(a, b) <= CopyRule.SAME_ISSUE.toMillis();
      if (copy) {
        best = Math.min(best, apart(a, b));
      }
    }
    return best;
  }

  private static long chainedPairs(
      List<Stored> articles, List<Integer> story, List<List<Integer>> copiesOf) {
    long chained = 0;
    for (int x = 0; x < story.size(); x++) {
      for (int y = x + 1; y < story.size(); y++) {
        Stored a = articles.get(story.get(x));
        Stored b = articles.get(story.get(y));
        if (a.fp().comparable()
            && b.fp().comparable()
            && apart(a, b) <= TRUTH_WINDOW_MS
            && !copiesOf.get(story.get(x)).contains(story.get(y))) {
          chained++;
        }
      }
    }
    return chained;
  }

  /** Milliseconds between two articles (0 when either is undated: no window applies). */
  static long apart(Stored a, Stored b) {
    return a.dateMs() == null || b.dateMs() == null ? 0 : Math.abs(a.dateMs() - b.dateMs());
  }

  /**
   * For each article whose text is long enough, the articles it is a copy of by exact overlap (any
   * date), by today's rule and by coverage without the names test: every pair sharing a shingle is
   * counted through shingle postings. A pair is judged in the pass of its shorter text (fewer
   * shingles; the first of two equal ones), whose coverage the rule reads.
   */
  static Copies copies(List<Stored> articles) {
    int n = articles.size();
    Map<Long, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (articles.get(i).fp().comparable()) {
        for (long s : articles.get(i).fp().shingles()) {
          postings.computeIfAbsent(s, k -> new ArrayList<>(2)).add(i);
        }
      }
    }
    Copies out = new Copies(new ArrayList<>(n), new ArrayList<>(n));
    for (int i = 0; i < n; i++) {
      out.byRule().add(new ArrayList<>());
      out.byCoverage().add(new ArrayList<>());
    }
    PairCounts counts = new PairCounts(n);
    for (int i = 0; i < n; i++) {
      Fingerprint fp = articles.get(i).fp();
      if (!fp.comparable()) {
        continue;
      }
      counts.count(fp, postings, i);
      for (int j : counts.touched) {
        Fingerprint other = articles.get(j).fp();
        int a = fp.shingles().length;
        int b = other.shingles().length;
        boolean tie =
            Fingerprint.shorter(fp, other) == fp && Fingerprint.shorter(other, fp) == other;
        if (tie ? i < j : Fingerprint.shorter(fp, other) == fp) {
          int shared = counts.shared[j];
          Overlap o =
              new Overlap(
                  (double) shared / a,
                  (double) shared / (a + b - shared),
                  (double) counts.covered[j] / Overlap.wordsOf(fp.inOrder()));
          boolean template = CopyRule.sameTemplate(fp, other, o);
          if (CopyRule.copies(fp, other, o)) {
            out.byRule().get(i).add(j);
            out.byRule().get(j).add(i);
          }
          if (o.joinsByCoverage() && !template) {
            out.byCoverage().get(i).add(j);
            out.byCoverage().get(j).add(i);
          }
        }
      }
      counts.clear();
    }
    return out;
  }

  /** The copies of each article by today's rule and by coverage without the names test. */
  record Copies(List<List<Integer>> byRule, List<List<Integer>> byCoverage) {}

  /**
   * For one article against every other sharing a shingle with it: the shingles shared and the
   * article's words those cover. Reused from article to article (cleared between).
   */
  private static final class PairCounts {
    final int[] shared;
    final int[] covered;
    final int[] coveredTo;
    final List<Integer> touched = new ArrayList<>();

    PairCounts(int n) {
      shared = new int[n];
      covered = new int[n];
      coveredTo = new int[n];
    }

    void count(Fingerprint fp, Map<Long, List<Integer>> postings, int self) {
      for (long s : fp.shingles()) {
        for (int j : postings.get(s)) {
          if (j != self && shared[j]++ == 0) {
            touched.add(j);
          }
        }
      }
      long[] inOrder = fp.inOrder();
      for (int p = 0; p < inOrder.length; p++) {
        int end = p + Fingerprint.SHINGLE_WORDS;
        for (int j : postings.get(inOrder[p])) {
          if (j != self) {
            covered[j] += end - Math.max(p, coveredTo[j]);
            coveredTo[j] = end;
          }
        }
      }
    }

    void clear() {
      for (int j : touched) {
        shared[j] = 0;
        covered[j] = 0;
        coveredTo[j] = 0;
      }
      touched.clear();
    }
  }

  /**
   * Bytes the story fields of {@code articles} take in an index of their own (written to {@code
   * scratch}, merged into one segment).
   */
  public static long storyFieldBytes(List<Stored> articles, Path scratch) throws IOException {
    try (Directory d = FSDirectory.open(scratch);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (Stored a : articles) {
        w.addDocument(Schema.storyFields(new StoryStamp(a.story(), a.fp()), a.dateMs() == null));
      }
      w.forceMerge(1);
      w.commit();
    }
    return BenchFiles.sizeOf(scratch);
  }
}
