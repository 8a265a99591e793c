package org.dateline.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.dateline.config.Limits;
import org.dateline.index.Schema;

/**
 * Turns what a journalist types into a Lucene query: AND by default, OR/NOT, parentheses,
 * "phrases", "proximity"~N, wildcards, fuzzy~, {@code field:} prefixes for the fields the schema
 * exposes, and {@code date:[2019-01-01 TO 2019-02-28]}. Unknown fields and syntax errors become a
 * {@link BadRequestException} that says where. A fresh parser per call: QueryParser is not
 * thread-safe.
 */
public final class QueryFactory {

  private QueryFactory() {}

  /** The first day a date filter or {@code date:} query may name. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

  /** The last day a date filter or {@code date:} query may name. */
  public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  /** {@link #parse(String, Limits)} within the default limits. */
  public static Query parse(String text) {
    return parse(text, Limits.defaults());
  }

  /**
   * Parses {@code text}; blank or {@code *} or {@code *:*} matches every article. The query's
   * nesting, its regular expressions and its automata are bounded by {@code limits} before they are
   * built (a {@link LimitExceededException} names the limit).
   */
  public static Query parse(String text, Limits limits) {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    QueryShape.checkParentheses(q, limits);
    NewsQueryParser parser = new NewsQueryParser(limits);
    try {
      Query query = parser.parse(q);
      QueryShape.checkDepth(query, limits);
      return query;
    } catch (ParseException e) {
      if (e.getCause() instanceof Refusal refusal) {
        throw new BadRequestException(refusal.getMessage(), e); // a field or date of ours
      }
      throw QuerySyntax.explain(q, e);
    } catch (TooComplexToDeterminizeException e) {
      throw QueryShape.tooComplex(limits);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("query is not valid: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new BadRequestException("the query nests parentheses too deeply", e);
    }
  }

  /** A query the grammar accepts but Dateline refuses (an unknown field, a date that is none). */
  private static final class Refusal extends ParseException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  /** {@code day}, or a 400 naming the allowed range when it is outside it. */
  public static LocalDate checkDay(LocalDate day, String what) {
    if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
      throw new BadRequestException(
          what + " " + day + " is out of range: dates run from " + FIRST_DAY + " to " + LAST_DAY);
    }
    return day;
  }

  /** The fields an unfielded phrase, wildcard, fuzzy term or range searches: exact words only. */
  private static final String[] EXACT_FIELDS =
      Schema.DEFAULT_FIELDS.keySet().stream().sorted().toArray(String[]::new);

  /** The fields an unfielded plain word searches: exact words, and their inflections. */
  private static final String[] WORD_FIELDS =
      Stream.concat(Arrays.stream(EXACT_FIELDS), Schema.STEM_FIELDS.keySet().stream().sorted())
          .toArray(String[]::new);

  private static final Map<String, Float> BOOSTS = boosts();

  private static Map<String, Float> boosts() {
    Map<String, Float> all = new HashMap<>(Schema.DEFAULT_FIELDS);
    all.putAll(Schema.STEM_FIELDS);
    return Map.copyOf(all);
  }

  /** A parse step run over the exact fields alone. */
  private interface ExactStep {
    Query run() throws ParseException;
  }

  private static final class NewsQueryParser extends MultiFieldQueryParser {
    private final Limits limits;

    NewsQueryParser(Limits limits) {
      super(WORD_FIELDS.clone(), Schema.queryAnalyzer(), BOOSTS);
      this.limits = limits;
      setDeterminizeWorkLimit(limits.maxAutomatonStates());
      setDefaultOperator(QueryParser.Operator.AND);
      setAllowLeadingWildcard(true);
      setAutoGeneratePhraseQueries(false);
      setSplitOnWhitespace(true);
      // Expand wildcards into scored term clauses: Lucene then refuses (TooManyClauses) a pattern
      // that matches more words than the limit instead of quietly visiting them all, and KWIC
      // finds a hit's matches among those few terms.
      setMultiTermRewriteMethod(MultiTermQuery.SCORING_BOOLEAN_REWRITE);
    }

    private static void checkField(String field) throws ParseException {
      if (field != null && !Schema.QUERYABLE_FIELDS.contains(field) && !field.equals(Schema.DATE)) {
        throw new Refusal(
            "unknown field '"
                + field
                + "'; searchable fields are "
                + String.join(", ", Schema.QUERYABLE_FIELDS)
                + " and date");
      }
    }

    /**
     * Runs {@code step} with the unfielded fields narrowed to the exact ones: a quoted phrase,
     * wildcard, fuzzy term or range never matches an inflected form. (The parser is used by one
     * thread for one query, so the swap is safe.)
     */
    private Query exact(ExactStep step) throws ParseException {
      String[] all = fields;
      fields = EXACT_FIELDS;
      try {
        return step.run();
      } finally {
        fields = all;
      }
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      checkField(field);
      if (Schema.DATE.equals(field)) {
        LocalDate day = parseDay(queryText);
        return dayRange(day, day);
      }
      if (quoted) {
        return exact(() -> super.getFieldQuery(field, queryText, true));
      }
      if (field != null) {
        return super.getFieldQuery(field, queryText, false);
      }
      // One word in any field, but all of its parts in the same one: a Chinese word of three
      // segments needs all three (Lucene's multi-field parser would take any of them).
      BooleanQuery.Builder anyField = newBooleanQuery();
      int clauses = 0;
      int parts = StemQueries.parts(queryText, StemQueries.MAX_PARTS + 1);
      for (String f : fields) {
        if (parts > StemQueries.MAX_PARTS && Schema.isStemField(f)) {
          continue; // a run of words typed without spaces: searched as written
        }
        Query q =
            parts > 1 && Schema.isStemField(f)
                ? stemsByLanguage(f, queryText)
                : super.getFieldQuery(f, queryText, false);
        if (q != null) {
          anyField.add(new BoostQuery(q, boosts.getOrDefault(f, 1f)), BooleanClause.Occur.SHOULD);
          clauses++;
        }
      }
      return clauses == 0 ? null : anyField.build();
    }

    /** A word of several parts in a stem field: any one language's stems of all its parts. */
    private Query stemsByLanguage(String field, String queryText) throws ParseException {
      BooleanQuery.Builder anyLanguage = newBooleanQuery();
      int clauses = 0;
      for (String language : Schema.stemmedLanguages()) {
        Query q = newFieldQuery(StemQueries.onlyLanguage(language), field, queryText, false);
        if (q != null) {
          anyLanguage.add(q, BooleanClause.Occur.SHOULD);
          clauses++;
        }
      }
      return clauses == 0 ? null : anyLanguage.build();
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      checkField(field);
      return exact(() -> super.getFieldQuery(field, queryText, slop));
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      checkField(field);
      if (Schema.DATE.equals(field)) {
        LocalDate from = part1 == null || part1.equals("*") ? FIRST_DAY : parseDay(part1);
        LocalDate to = part2 == null || part2.equals("*") ? LAST_DAY : parseDay(part2);
        return dayRange(from, to);
      }
      return exact(() -> super.getRangeQuery(field, part1, part2, startInclusive, endInclusive));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      checkField(field);
      if ("*".equals(field) && "*".equals(termStr)) {
        return new MatchAllDocsQuery();
      }
      return exact(() -> super.getWildcardQuery(field, termStr));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      checkField(field);
      return exact(() -> super.getPrefixQuery(field, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      checkField(field);
      QueryShape.checkFuzzy(
          termStr,
          FuzzyQuery.floatToEdits(minSimilarity, termStr.codePointCount(0, termStr.length())),
          limits);
      return exact(() -> super.getFuzzyQuery(field, termStr, minSimilarity));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      checkField(field);
      String regexp = termStr.toLowerCase(Locale.ROOT);
      QueryShape.checkRegexp(regexp, limits);
      return exact(() -> super.getRegexpQuery(field, regexp));
    }

    private static LocalDate parseDay(String text) throws ParseException {
      LocalDate day;
      try {
        day = LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new Refusal("date '" + text + "' is not an ISO day such as 2019-02-23");
      }
      return checkDay(day, "date:");
    }
  }

  /** Articles published from {@code from} to {@code to}, each on the day its outlet printed. */
  public static Query dayRange(LocalDate from, LocalDate to) {
    long lo = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long hi = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return LongPoint.newRangeQuery(Schema.LOCAL_DATE, lo, hi);
  }

  /**
   * {@link #dayRange} as a request's date filter: the same articles, found from the points when the
   * rest of the request matches many and from each candidate's day (the doc values beside the
   * points) when it matches few, so a rare word in a month does not walk the month's points on
   * every request. The searchers cache it as they cached the points query ({@code
   * FacetSearcherFactory}). Only for filters: the query syntax's {@code date:} keeps {@link
   * #dayRange}, which saved searches and the SolrCloud backend read as a points query.
   */
  public static Query dayFilter(LocalDate from, LocalDate to) {
    Query points = dayRange(from, to);
    long lo = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long hi = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return new IndexOrDocValuesQuery(
        points, NumericDocValuesField.newSlowRangeQuery(Schema.LOCAL_DATE, lo, hi));
  }
}
