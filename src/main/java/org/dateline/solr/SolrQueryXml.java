package org.dateline.solr;

import java.util.Locale;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.dateline.search.BadRequestException;

/**
 * A query parsed by Dateline ({@link org.dateline.search.QueryFactory}) as the XML of Solr's {@code
 * xmlparser}: the same terms in the same fields, the same boolean structure and boosts, so a Solr
 * collection of pre-analysed fields ({@link SolrTokens}) matches exactly the articles the embedded
 * index matches. Terms, booleans, synonyms (a word's stems) and spans are written as Lucene query
 * objects; a phrase, wildcard, prefix, fuzzy term, regular expression or term range is written in
 * the classic syntax for the field alone, with its terms escaped, which the configset's query chain
 * leaves as they are. Stateless.
 */
final class SolrQueryXml {

  /** Characters the classic query syntax gives a meaning (escaped with a backslash). */
  private static final String SYNTAX = "\\+-!():^[]\"{}~*?|&/ ";

  private SolrQueryXml() {}

  /** {@code query} as the body of Solr's {@code xmlparser}. */
  static String of(Query query) {
    StringBuilder x = new StringBuilder();
    write(query, x);
    return x.toString();
  }

  private static void write(Query q, StringBuilder x) {
    switch (q) {
      case TermQuery t -> term("TermQuery", t.getTerm(), x);
      case BooleanQuery b -> bool(b, x);
      case BoostQuery b -> boosted(b, x);
      case SynonymQuery s -> {
        // any of its terms: one word's stems in every language
        x.append("<BooleanQuery>");
        for (Term t : s.getTerms()) {
          x.append("<Clause occurs=\"should\">");
          term("TermQuery", t, x);
          x.append("</Clause>");
        }
        x.append("</BooleanQuery>");
      }
      case MatchAllDocsQuery all -> x.append("<MatchAllDocsQuery/>");
      case MatchNoDocsQuery none -> x.append("<BooleanQuery/>");
      case ConstantScoreQuery c -> {
        x.append("<ConstantScoreQuery>");
        write(c.getQuery(), x);
        x.append("</ConstantScoreQuery>");
      }
      case DisjunctionMaxQuery d -> {
        x.append("<DisjunctionMaxQuery tieBreaker=\"")
            .append(number(d.getTieBreakerMultiplier()))
            .append("\">");
        d.getDisjuncts().forEach(child -> write(child, x));
        x.append("</DisjunctionMaxQuery>");
      }
      case PhraseQuery p -> phrase(p, x);
      case MultiPhraseQuery m -> multiPhrase(m, x);
      case SpanQuery s -> span(s, x);
      case WildcardQuery w -> classic(w.getField(), wildcard(w.getTerm().text()), x);
      case PrefixQuery p -> classic(p.getField(), escape(p.getPrefix().text()) + "*", x);
      case FuzzyQuery f ->
          classic(f.getField(), escape(f.getTerm().text()) + "~" + f.getMaxEdits(), x);
      case RegexpQuery r ->
          classic(r.getField(), "/" + r.getRegexp().text().replace("/", "\\/") + "/", x);
      case TermRangeQuery r -> range(r, x);
      case PointRangeQuery p -> points(p, x);
      default -> throw notSupported(q);
    }
  }

  private static BadRequestException notSupported(Query q) {
    return new BadRequestException(
        "this query cannot be sent to the Solr backend ("
            + q.getClass().getSimpleName()
            + "); simplify it or use the embedded index");
  }

  private static void bool(BooleanQuery b, StringBuilder x) {
    x.append("<BooleanQuery");
    if (b.getMinimumNumberShouldMatch() > 0) {
      x.append(" minimumNumberShouldMatch=\"").append(b.getMinimumNumberShouldMatch()).append('"');
    }
    x.append('>');
    for (BooleanClause c : b.clauses()) {
      String occurs =
          switch (c.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case MUST_NOT -> "mustNot";
            case FILTER -> "filter";
          };
      x.append("<Clause occurs=\"").append(occurs).append("\">");
      write(c.query(), x);
      x.append("</Clause>");
    }
    x.append("</BooleanQuery>");
  }

  /** A boost on any query: a one-clause boolean query carries it. */
  private static void boosted(BoostQuery b, StringBuilder x) {
    if (b.getBoost() == 1f) {
      write(b.getQuery(), x);
      return;
    }
    x.append("<BooleanQuery boost=\"").append(number(b.getBoost())).append("\">");
    x.append("<Clause occurs=\"must\">");
    write(b.getQuery(), x);
    x.append("</Clause></BooleanQuery>");
  }

  private static void term(String element, Term t, StringBuilder x) {
    x.append('<').append(element).append(" fieldName=\"");
    text(t.field(), x);
    x.append("\">");
    text(t.text(), x);
    x.append("</").append(element).append('>');
  }

  /**
   * A phrase of consecutive words in the classic syntax (the same query, slop included); one with
   * gaps between its words as spans.
   */
  private static void phrase(PhraseQuery p, StringBuilder x) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    boolean consecutive = true;
    for (int i = 1; i < positions.length; i++) {
      consecutive &= positions[i] == positions[i - 1] + 1;
    }
    if (terms.length == 0) {
      x.append("<BooleanQuery/>");
      return;
    }
    if (consecutive) {
      StringBuilder words = new StringBuilder("\"");
      for (int i = 0; i < terms.length; i++) {
        words.append(i == 0 ? "" : " ").append(escape(terms[i].text()));
      }
      words.append('"');
      if (p.getSlop() > 0) {
        words.append('~').append(p.getSlop());
      }
      classic(p.getField(), words.toString(), x);
      return;
    }
    int gaps = positions[positions.length - 1] - positions[0] - (positions.length - 1);
    x.append("<SpanNear slop=\"")
        .append(p.getSlop() + gaps)
        .append("\" inOrder=\"")
        .append(p.getSlop() == 0)
        .append("\">");
    for (Term t : terms) {
      term("SpanTerm", t, x);
    }
    x.append("</SpanNear>");
  }

  /** A phrase with several words at a position: spans, each position any of its words. */
  private static void multiPhrase(MultiPhraseQuery m, StringBuilder x) {
    x.append("<SpanNear slop=\"")
        .append(m.getSlop())
        .append("\" inOrder=\"")
        .append(m.getSlop() == 0)
        .append("\">");
    for (Term[] words : m.getTermArrays()) {
      x.append("<SpanOr>");
      for (Term t : words) {
        term("SpanTerm", t, x);
      }
      x.append("</SpanOr>");
    }
    x.append("</SpanNear>");
  }

  private static void span(SpanQuery s, StringBuilder x) {
    switch (s) {
      case SpanTermQuery t -> term("SpanTerm", t.getTerm(), x);
      case SpanNearQuery n -> {
        x.append("<SpanNear slop=\"")
            .append(n.getSlop())
            .append("\" inOrder=\"")
            .append(n.isInOrder())
            .append("\">");
        for (SpanQuery c : n.getClauses()) {
          span(c, x);
        }
        x.append("</SpanNear>");
      }
      case SpanOrQuery o -> {
        x.append("<SpanOr>");
        for (SpanQuery c : o.getClauses()) {
          span(c, x);
        }
        x.append("</SpanOr>");
      }
      default -> throw notSupported(s);
    }
  }

  private static void range(TermRangeQuery r, StringBuilder x) {
    String lo = r.getLowerTerm() == null ? "*" : escape(r.getLowerTerm().utf8ToString());
    String hi = r.getUpperTerm() == null ? "*" : escape(r.getUpperTerm().utf8ToString());
    classic(
        r.getField(),
        (r.includesLower() ? "[" : "{") + lo + " TO " + hi + (r.includesUpper() ? "]" : "}"),
        x);
  }

  /** A range of one long (the printed day: {@code date:} in a query). */
  private static void points(PointRangeQuery p, StringBuilder x) {
    if (p.getNumDims() != 1 || p.getBytesPerDim() != Long.BYTES) {
      throw notSupported(p);
    }
    x.append("<PointRangeQuery type=\"long\" fieldName=\"");
    text(p.getField(), x);
    x.append("\" lowerTerm=\"")
        .append(LongPoint.decodeDimension(p.getLowerPoint(), 0))
        .append("\" upperTerm=\"")
        .append(LongPoint.decodeDimension(p.getUpperPoint(), 0))
        .append("\"/>");
  }

  /** Text in the classic syntax, searched in {@code field} alone. */
  private static void classic(String field, String syntax, StringBuilder x) {
    x.append("<UserQuery fieldName=\"");
    text(field, x);
    x.append("\">");
    text(syntax, x);
    x.append("</UserQuery>");
  }

  /** A term with every character the classic syntax reads escaped. */
  static String escape(String term) {
    StringBuilder out = new StringBuilder(term.length() + 4);
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (SYNTAX.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A wildcard term (where a backslash already escapes the next character) with every other
   * character the classic syntax reads escaped, its {@code *} and {@code ?} kept.
   */
  static String wildcard(String pattern) {
    if (pattern.startsWith("*") || pattern.startsWith("?")) {
      return leadingWildcard(pattern); // the classic parser refuses a leading wildcard
    }
    StringBuilder out = new StringBuilder(pattern.length() + 4);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else if (c == '*' || c == '?') {
        out.append(c);
      } else {
        out.append(escape(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  /** A pattern that starts with a wildcard, as the regular expression that matches the same. */
  private static String leadingWildcard(String pattern) {
    StringBuilder out = new StringBuilder("/");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        c = pattern.charAt(++i);
        out.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
      } else if (c == '*') {
        out.append(".*");
      } else if (c == '?') {
        out.append('.');
      } else {
        out.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
      }
    }
    return out.append('/').toString();
  }

  private static String number(float f) {
    return String.format(Locale.ROOT, "%s", f);
  }

  /** XML text or attribute content. */
  private static void text(String s, StringBuilder x) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> x.append("&amp;");
        case '<' -> x.append("&lt;");
        case '>' -> x.append("&gt;");
        case '"' -> x.append("&quot;");
        case '\'' -> x.append("&apos;");
        default -> x.append(c);
      }
    }
  }
}
