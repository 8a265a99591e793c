package org.dateline.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.CopyRule;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.enrich.story.Overlap;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;

/**
 * Puts each new article in a story as it is written: the candidates are the articles sharing at
 * least {@link #MIN_SHARED} of the 64 MinHash values (a short text: its exact hash) and published
 * within {@link #WINDOW} of it, found in a near-real-time reader over the writer and among the
 * articles written since that reader opened ({@link RecentCopies}); each candidate is verified
 * exactly ({@link Overlap#joins}), and the article joins the story of the best verified one, or
 * begins a story of its own. Stories are never merged (no chaining through a third article).
 * Thread-safe: assignments are made one at a time, so two copies in one batch find each other.
 */
public final class StoryAssigner {

  /**
   * MinHash values two articles must share to be compared at all. A short text held in a long one
   * has a low Jaccard (80 shingles in 600: about 0.1, six values of 64 expected), so a higher bar
   * misses such copies by chance: on Reuters-21578, 7 of the 772 copy pairs share fewer than 7
   * values, 2 fewer than 4; at 4 an article verifies 0.63 candidates on average, at 7 0.29
   * (docs/figures-issue-16.md, session 11).
   */
  public static final int MIN_SHARED = 4;

  /** Copies are looked for this far before and after an article's date. */
  public static final Duration WINDOW = Duration.ofDays(7);

  /** Candidates looked at per article, the most similar within the window first. */
  private static final int CANDIDATES = 50;

  /** Written articles kept in memory before the reader is opened again to see them. */
  private static final int REOPEN_AFTER = 10_000;

  private static final Set<String> CANDIDATE_FIELDS =
      Set.of(Schema.ID, Schema.STORY, Schema.BODY, Schema.META);

  /** The articles of one file with their stamps, as {@link #assign} gave them. */
  public record Assignment(List<StoryStamp> stamps, List<RecentCopies.Copy> copies) {}

  private final IndexWriter writer;
  private final boolean enabled;
  private final RecentCopies recent = new RecentCopies();
  private DirectoryReader reader;

  /** Whether a caller is opening a newer reader (one at a time). */
  private boolean reopening;

  private StoryAssigner(IndexWriter writer, boolean enabled) {
    this.writer = writer;
    this.enabled = enabled;
  }

  /** Assigns stories against what {@code writer} has written, committed or not. */
  public static StoryAssigner over(IndexWriter writer) {
    return new StoryAssigner(writer, true);
  }

  /**
   * Matches against the articles given to it alone, all kept in memory (a rebuild, which sees every
   * article of the index in order, needs no reader).
   */
  static StoryAssigner inMemory() {
    return new StoryAssigner(null, true);
  }

  /** Puts every article in a story of its own (ingest without story matching, to measure it). */
  public static StoryAssigner disabled() {
    return new StoryAssigner(null, false);
  }

  /** The stories of {@code articles}, which are about to be written in this order. */
  public Assignment assign(List<Article> articles) throws IOException {
    List<StoryStamp> alone = new ArrayList<>(articles.size());
    for (Article a : articles) {
      // Nothing computed, no MinHash terms written when disabled: ingest as before stories.
      alone.add(
          enabled
              ? StoryStamp.alone(a)
              : new StoryStamp(StoryStamp.storyIdOf(a.id()), Fingerprint.NONE));
    }
    if (!enabled) {
      return new Assignment(alone, List.of());
    }
    // Fingerprints and the index lookups run on the caller's thread, in parallel with other
    // files'; only the decisions, which see the articles written just before, are one at a time.
    if (writer == null) {
      return match(articles, alone, null, 0);
    }
    DirectoryReader seen = acquireReader();
    List<List<Match>> indexed = new ArrayList<>(articles.size());
    long seenGeneration;
    try {
      seenGeneration = seen.getVersion();
      for (int i = 0; i < articles.size(); i++) {
        indexed.add(
            fromIndex(
                seen, articles.get(i).id(), alone.get(i).fingerprint(), dateOf(articles.get(i))));
      }
    } finally {
      seen.decRef();
    }
    return match(articles, alone, indexed, seenGeneration);
  }

  private static Long dateOf(Article a) {
    return a.date() == null ? null : a.date().instant().toEpochMilli();
  }

  /**
   * The current reader, referenced for the caller. Once many written articles wait in memory, one
   * caller opens a newer reader that sees them, outside this object's lock: opening flushes the
   * writer's buffered articles to a segment (seconds for 10,000 articles), and other threads go on
   * matching against the old reader and the articles in memory meanwhile.
   */
  private DirectoryReader acquireReader() throws IOException {
    DirectoryReader old;
    long seenWrites;
    synchronized (this) {
      if (reader == null) {
        recent.dropWritten(recent.writes());
        reader = DirectoryReader.open(writer);
      }
      if (reopening || recent.written() < REOPEN_AFTER) {
        reader.incRef();
        return reader;
      }
      reopening = true;
      old = reader;
      // Every article marked written by now is in the writer, so the newer reader sees it.
      seenWrites = recent.writes();
    }
    DirectoryReader newer = null;
    try {
      newer = DirectoryReader.openIfChanged(old, writer);
    } finally {
      synchronized (this) {
        reopening = false;
        if (newer != null) {
          recent.dropWritten(seenWrites);
          reader.decRef(); // closed when the last lookup still using it lets go
          reader = newer;
        }
      }
    }
    synchronized (this) {
      reader.incRef();
      return reader;
    }
  }

  /**
   * The decisions, given the verified candidates found in the reader of version {@code
   * seenVersion}; when a newer reader has opened since (and dropped from memory the articles it
   * sees), the lookups are made again in it.
   */
  private synchronized Assignment match(
      List<Article> articles,
      List<StoryStamp> fingerprinted,
      List<List<Match>> indexed,
      long seenVersion)
      throws IOException {
    List<StoryStamp> stamps = new ArrayList<>(articles.size());
    List<RecentCopies.Copy> copies = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      StoryStamp alone = fingerprinted.get(i);
      Long dateMs = dateOf(a);
      List<Match> found =
          indexed == null
              ? List.of()
              : reader.getVersion() == seenVersion
                  ? indexed.get(i)
                  : fromIndex(reader, a.id(), alone.fingerprint(), dateMs);
      long story = best(a.id(), alone.fingerprint(), dateMs, found, alone.story());
      RecentCopies.Copy copy = new RecentCopies.Copy(a.id(), story, dateMs, alone.fingerprint());
      recent.add(copy);
      copies.add(copy);
      stamps.add(new StoryStamp(story, alone.fingerprint()));
    }
    return new Assignment(stamps, copies);
  }

  /** Says that the articles of {@code done} are written (a reader opened now sees them). */
  public synchronized void written(Assignment done) {
    done.copies().forEach(recent::markWritten);
  }

  /**
   * Forgets the articles in memory dated before {@code ms}: a rebuild that goes in publication
   * order calls it with its current date minus {@link #WINDOW}, as nothing after can match them.
   */
  synchronized void forgetBefore(long ms) {
    recent.dropDatedBefore(ms);
  }

  /** The story of the best verified copy of the article, or {@code own} when it has none. */
  private long best(String id, Fingerprint fp, Long dateMs, List<Match> indexed, long own) {
    Match best = null;
    // as in the index, the most similar candidates within the window, CANDIDATES at most
    Predicate<RecentCopies.Copy> eligible =
        c -> !c.articleId.equals(id) && within(dateMs, c.dateMs);
    for (RecentCopies.Copy c :
        fp.comparable()
            ? recent.sharingMinHashes(fp, MIN_SHARED, CANDIDATES, eligible)
            : recent.withExactHash(fp.exactHash(), CANDIDATES, eligible)) {
      best = better(best, verify(fp, dateMs, c.fingerprint, c.dateMs, c.story, c.articleId));
    }
    for (Match m : indexed) {
      best = better(best, m);
    }
    return best == null ? own : best.story;
  }

  /** A verified candidate: its story and how much of the shorter text the longer holds. */
  private record Match(long story, String articleId, double containment, double jaccard) {}

  /** The candidate as a match when {@link CopyRule} says the two texts are copies, else null. */
  private static Match verify(
      Fingerprint fp, Long dateMs, Fingerprint other, Long otherMs, long story, String articleId) {
    Overlap o = CopyRule.copies(fp, dateMs, other, otherMs);
    return o == null ? null : new Match(story, articleId, o.containment(), o.jaccard());
  }

  /** The higher containment, then Jaccard, then the smaller article id (so ties are stable). */
  private static Match better(Match a, Match b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    int c = Double.compare(a.containment, b.containment);
    c = c != 0 ? c : Double.compare(a.jaccard, b.jaccard);
    c = c != 0 ? c : b.articleId.compareTo(a.articleId);
    return c >= 0 ? a : b;
  }

  private static boolean within(Long a, Long b) {
    return a == null || b == null || Math.abs(a - b) <= WINDOW.toMillis();
  }

  /**
   * How many verified copies of the article {@code id} with fingerprint {@code fp} an ingest lookup
   * finds in {@code reader} (what {@code dateline bench story-lookup} times).
   */
  public static int verifiedCopies(DirectoryReader reader, String id, Fingerprint fp, Long dateMs)
      throws IOException {
    return fromIndex(reader, id, fp, dateMs).size();
  }

  /** Verified candidates from the near-real-time reader. */
  private static List<Match> fromIndex(
      DirectoryReader reader, String id, Fingerprint fp, Long dateMs) throws IOException {
    List<Match> out = new ArrayList<>();
    if (!fp.comparable() && fp.exactHash() == 0) {
      return out;
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null); // every lookup is a query of its own: nothing to reuse
    StoredFields stored = searcher.storedFields();
    // The article itself is left out before its stored fields are read (an index that holds it: a
    // file ingested again, or the lookup bench).
    Query others =
        new BooleanQuery.Builder()
            .add(candidates(fp, dateMs), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(Schema.ID, id)), BooleanClause.Occur.MUST_NOT)
            .build();
    for (ScoreDoc sd : searcher.search(others, CANDIDATES).scoreDocs) {
      Document d = stored.document(sd.doc, CANDIDATE_FIELDS);
      Article candidate = Schema.toArticle(d);
      Long otherMs = dateOf(candidate);
      if (d.get(Schema.ID).equals(id) || !within(dateMs, otherMs)) {
        continue;
      }
      long story = Schema.storyOf(d);
      // A short text is found by its exact hash: what is left to verify is how far apart they are.
      Fingerprint other =
          fp.comparable()
              ? Fingerprint.forVerifying(candidate.title(), d.get(Schema.BODY))
              : new Fingerprint(new long[0], new long[0], new long[0], new int[0], fp.exactHash());
      out.add(verify(fp, dateMs, other, otherMs, story, d.get(Schema.ID)));
    }
    out.removeIf(m -> m == null);
    return out;
  }

  /**
   * The articles {@link #candidates(Fingerprint)} finds that are dated within {@link #WINDOW} of
   * {@code dateMs} or undated. An undated article ({@code dateMs} null) is compared with the
   * undated ones and those dated within the window of the archive's latest date: what {@code
   * stories --recluster} (undated last) compares it with, and a cost that grows with neither the
   * dated articles nor the undated ones (a short text, found by its exact hash, with any). The
   * window ({@link StoryWindow}) leads the query: an archive that repeats itself over years would
   * otherwise have every lookup walk the MinHash postings of all those years (one boilerplate value
   * is held by thousands of articles), and would fill the top {@value #CANDIDATES} with older
   * look-alikes.
   */
  public static Query candidates(Fingerprint fp, Long dateMs) {
    if (fp.comparable()) {
      // Each segment the window meets compares its window articles' MinHash values directly, or
      // (articles written before schema 12, with terms) asks the terms with the window leading.
      return new StoryWindowSharing(dateMs, fp.minHashes(), MIN_SHARED);
    }
    Query hash = candidates(fp);
    return dateMs == null ? hash : StoryWindow.leading(hash, dateMs);
  }

  /**
   * The same matches and scores as {@link #candidates(Fingerprint, Long)}, asked of the MinHash
   * terms in every segment the window meets (the lookup before schema 11; the bench compares them):
   * dated articles written since schema 12 have no terms, and are not found by it.
   */
  public static Query candidatesByTerms(Fingerprint fp, Long dateMs) {
    if (fp.comparable()) {
      return StoryWindowSharing.byTerms(dateMs, fp.minHashes(), MIN_SHARED);
    }
    return candidates(fp, dateMs);
  }

  /**
   * Articles sharing {@link #MIN_SHARED} MinHash values, whenever dated (a short text: its exact
   * hash). Every article with values is compared (about 0.1-0.3 us each): the brute force the
   * lookup is checked against, not the lookup.
   */
  public static Query candidates(Fingerprint fp) {
    if (!fp.comparable()) {
      return new TermQuery(new Term(Schema.TEXT_HASH, Schema.textHashTerm(fp.exactHash())));
    }
    return StoryWindowSharing.anyDate(fp.minHashes(), MIN_SHARED);
  }

  /** Releases the reader (the writer stays open). */
  public synchronized void close() throws IOException {
    if (reader != null) {
      reader.decRef();
      reader = null;
    }
  }
}
