package org.dateline.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.dateline.index.Schema;

/**
 * Turns what a journalist types into a Lucene query: AND by default, OR/NOT, parentheses, "phrases",
 * "proximity"~N, wildcards, fuzzy~, {@code field:} prefixes for the fields the schema exposes, and
 * {@code date:[2019-01-01 TO 2019-02-28]}. Unknown fields and syntax errors become a
 * {@link BadRequestException} that says where. A fresh parser per call: QueryParser is not
 * thread-safe.
 */
public final class QueryFactory {

  private QueryFactory() {}

  /** Parses {@code text}; blank or {@code *} or {@code *:*} matches every article. */
  public static Query parse(String text) {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    NewsQueryParser parser = new NewsQueryParser();
    try {
      return parser.parse(q);
    } catch (ParseException e) {
      throw new BadRequestException("query does not parse: " + firstLine(e.getMessage())
          + ". Quote phrases with \"...\", balance parentheses, and escape special characters"
          + " (+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /) with a backslash.", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new BadRequestException("the regular expression is too complex to run; simplify the"
          + " part between slashes /.../", e);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("query is not valid: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new BadRequestException("the query nests parentheses too deeply", e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static final class NewsQueryParser extends MultiFieldQueryParser {
    NewsQueryParser() {
      super(Schema.DEFAULT_FIELDS.keySet().toArray(String[]::new), Schema.queryAnalyzer(),
          Map.copyOf(Schema.DEFAULT_FIELDS));
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
        throw new ParseException("unknown field '" + field + "'; searchable fields are "
            + String.join(", ", Schema.QUERYABLE_FIELDS) + " and date");
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
      return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop)
        throws ParseException {
      checkField(field);
      return super.getFieldQuery(field, queryText, slop);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      checkField(field);
      if (Schema.DATE.equals(field)) {
        LocalDate from = part1 == null || part1.equals("*") ? LocalDate.of(1, 1, 1) : parseDay(part1);
        LocalDate to = part2 == null || part2.equals("*") ? LocalDate.of(9999, 12, 31) : parseDay(part2);
        return dayRange(from, to);
      }
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      checkField(field);
      if ("*".equals(field) && "*".equals(termStr)) {
        return new MatchAllDocsQuery();
      }
      return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      checkField(field);
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      checkField(field);
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      checkField(field);
      return super.getRegexpQuery(field, termStr.toLowerCase(Locale.ROOT));
    }

    private static LocalDate parseDay(String text) throws ParseException {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new ParseException("date '" + text + "' is not an ISO day such as 2019-02-23");
      }
    }
  }

  /** Articles published from {@code from} to {@code to}, each on the day its outlet printed. */
  public static Query dayRange(LocalDate from, LocalDate to) {
    long lo = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long hi = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
    return LongPoint.newRangeQuery(Schema.LOCAL_DATE, lo, hi);
  }
}
