package org.dateline.search;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;
import org.dateline.index.Schema;
import org.dateline.search.kwic.BodyPhrases;
import org.dateline.search.kwic.Kwic;
import org.dateline.search.kwic.KwicLine;

/**
 * Turns stored documents into hits with KWIC lines, for one request on one searcher (one thread).
 */
final class HitBuilder {
  private final IndexSearcher searcher;
  private final Weight weight;

  /** The whole name the query's words form, as a phrase (null when they form none). */
  private final Weight nameWeight;

  private final List<LeafReaderContext> leaves;
  private final int kwicLines;
  private final Deadline deadline;

  /** The folders the searcher's index was fed from, for the paths hits show ({@link ShownPath}). */
  private final List<String> roots;

  /** The query's body terms when they alone decide its matches (Kwic.flatBodyTerms), or null. */
  private final Set<BytesRef> bodyTerms;

  /** Where a few body terms are in each segment (Kwic.bodyStates), or null. */
  private final Map<BytesRef, TermStates> bodyStates;

  /** The exact body phrases the query is a choice of (Kwic's BodyPhrases), or null. */
  private final BodyPhrases bodyPhrases;

  /**
   * The page's reader of stored values, opened on the first hit: each segment's reader is cloned
   * once per page, not once per hit and story copy (a clone brings its own input and buffers).
   */
  private StoredFields stored;

  /**
   * {@code rewritten}: the request's query after {@link IndexSearcher#rewrite(Query)}; {@code
   * name}: when the query's words form a known name, that name as a rewritten phrase query, so a
   * hit's KWIC lines centre the whole name where it stands (else null).
   */
  HitBuilder(IndexSearcher searcher, Query rewritten, Query name, int kwicLines, Deadline deadline)
      throws IOException {
    this.searcher = searcher;
    this.weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
    this.nameWeight =
        name == null ? null : searcher.createWeight(name, ScoreMode.COMPLETE_NO_SCORES, 1f);
    this.bodyTerms = Kwic.flatBodyTerms(rewritten);
    this.bodyStates = Kwic.bodyStates(searcher, rewritten, bodyTerms);
    this.bodyPhrases = bodyTerms == null ? BodyPhrases.of(searcher, rewritten) : null;
    this.leaves = searcher.getIndexReader().leaves();
    this.kwicLines = kwicLines;
    this.deadline = deadline;
    this.roots = ShownPath.roots(searcher);
  }

  Hit build(FieldDoc fd, SortOrder sort) throws IOException {
    deadline.check();
    if (stored == null) {
      stored = searcher.storedFields();
    }
    Document doc = stored.document(fd.doc);
    StageClock.lap("hit_stored");
    Article a = Schema.toArticle(doc);
    StageClock.lap("hit_article");
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(fd.doc, leaves));
    int docInLeaf = fd.doc - leaf.docBase;
    Kwic.Result kwic =
        nameWeight == null
            ? null
            : Kwic.forHit(nameWeight, null, leaf, docInLeaf, a.text(), kwicLines);
    if (kwic == null || kwic.total() == 0) {
      kwic =
          Kwic.forHit(
              weight,
              bodyTerms,
              bodyStates,
              bodyPhrases,
              leaf,
              docInLeaf,
              a.text(),
              a.language(),
              kwicLines);
    }
    StageClock.lap("hit_kwic");
    Float score = sort == SortOrder.RELEVANCE ? (Float) fd.fields[0] : null;
    StorySummary story = StoryLookup.summary(searcher, stored, Schema.storyOf(doc), fd.doc, a);
    StageClock.lap("hit_story");
    return hit(a, kwic.lines(), kwic.total(), score, story, roots);
  }

  static Hit hit(Article a, List<KwicLine> kwic, int kwicTotal, Float score) {
    return hit(a, kwic, kwicTotal, score, null, List.of());
  }

  /** The hit of {@code a}, its path shown below the deepest of {@code roots} holding it. */
  static Hit hit(
      Article a,
      List<KwicLine> kwic,
      int kwicTotal,
      Float score,
      StorySummary story,
      List<String> roots) {
    return new Hit(
        a.id(),
        a.title(),
        a.outlet(),
        isoDate(a),
        precision(a),
        offset(a),
        a.date() == null || a.date().printedDay() == null ? null : a.date().printedDay().toString(),
        a.url(),
        ShownPath.of(a.path(), roots),
        a.agencies(),
        a.authors(),
        a.language(),
        entities(a),
        WrittenName.of(a.mentions()),
        kwic,
        kwicTotal,
        score,
        story);
  }

  /** A day-precision date as its day, any other as its instant, in ISO-8601; null if undated. */
  static String isoDate(Article a) {
    if (a.date() == null) {
      return null;
    }
    Instant instant = a.date().instant();
    return a.date().precision() == PubDate.Precision.DAY
        ? LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L)).toString()
        : isoInstant(instant);
  }

  /** First and last second of the years 1000 to 9999, the years {@link #isoInstant} writes. */
  private static final long FIRST_SECOND = -30_610_224_000L;

  private static final long LAST_SECOND = 253_402_300_799L;

  /**
   * {@code instant.toString()} (ISO-8601, seconds always, the fraction in groups of three digits as
   * needed, 'Z'), written directly for the years 1000 to 9999: {@code Instant.toString} goes
   * through a {@code DateTimeFormatter} and a {@code LocalDateTime}, a few times what a hit's other
   * fields cost. Any other year is left to {@code Instant.toString}.
   */
  static String isoInstant(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < FIRST_SECOND || second > LAST_SECOND) {
      return instant.toString();
    }
    long day = Math.floorDiv(second, 86_400L);
    int secondOfDay = (int) Math.floorMod(second, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(day);
    StringBuilder out = new StringBuilder(30);
    digits(out, date.getYear(), 4).append('-');
    digits(out, date.getMonthValue(), 2).append('-');
    digits(out, date.getDayOfMonth(), 2).append('T');
    digits(out, secondOfDay / 3600, 2).append(':');
    digits(out, secondOfDay / 60 % 60, 2).append(':');
    digits(out, secondOfDay % 60, 2);
    int nano = instant.getNano();
    if (nano != 0) {
      out.append('.');
      if (nano % 1_000_000 == 0) {
        digits(out, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        digits(out, nano / 1_000, 6);
      } else {
        digits(out, nano, 9);
      }
    }
    return out.append('Z').toString();
  }

  /** {@code value} (not negative) in {@code width} digits, zeros in front. */
  private static StringBuilder digits(StringBuilder out, int value, int width) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text);
  }

  /** The offset from UTC (minutes) the source printed a time in; null for none or a bare day. */
  private static Integer offset(Article a) {
    return a.date() == null || a.date().precision() == PubDate.Precision.DAY
        ? null
        : a.date().offsetMinutes();
  }

  private static String precision(Article a) {
    return a.date() == null ? null : a.date().precision().jsonName();
  }

  private static Map<String, List<String>> entities(Article a) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String dim : Schema.ENTITY_DIMS) {
      out.put(dim, a.entities().getOrDefault(dim, List.of()));
    }
    return out;
  }
}
