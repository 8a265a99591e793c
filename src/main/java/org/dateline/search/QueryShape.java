package org.dateline.search;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.RegExp;
import org.dateline.config.Limits;

/**
 * Bounds on the shape of a query, checked before the work they would cause: how deep its
 * parentheses and its boolean tree nest (recursion over either one would otherwise overflow the
 * stack), how long a regular expression is, and how many automaton states a regexp, wildcard or
 * fuzzy term would build (Lucene builds a repeat such as {@code {1,1000}{1,1000}} copy by copy,
 * before any work limit applies). Stateless.
 */
final class QueryShape {

  /** Saturates the state estimate: anything this large is refused anyway. */
  private static final long HUGE = Long.MAX_VALUE / 4;

  /** Tree levels the parser adds to what the user wrote (a word over several fields). */
  private static final int FIELD_CHOICE_LEVELS = 1;

  private QueryShape() {}

  /**
   * Refuses a query whose parentheses nest deeper than the limit, counted on the text before the
   * parser recurses into them; parentheses inside "quoted phrases" or after a backslash are text.
   */
  static void checkParentheses(String query, Limits limits) {
    int depth = 0;
    int deepest = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (!quoted && c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    if (deepest > limits.maxQueryDepth()) {
      throw tooDeep(deepest, limits);
    }
  }

  /**
   * Refuses a built query whose boolean tree nests deeper than the limit (walked without
   * recursion). The parser adds one level the user did not write: each word becomes a choice among
   * the searchable fields; it is not counted.
   */
  static void checkDepth(Query query, Limits limits) {
    Deque<Query> queries = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    queries.push(query);
    depths.push(0);
    while (!queries.isEmpty()) {
      Query q = queries.pop();
      int depth = depths.pop();
      if (depth > limits.maxQueryDepth() + FIELD_CHOICE_LEVELS) {
        throw tooDeep(depth - FIELD_CHOICE_LEVELS, limits);
      }
      if (q instanceof BooleanQuery bq) {
        for (BooleanClause clause : bq.clauses()) {
          queries.push(clause.query());
          depths.push(depth + 1);
        }
      } else if (q instanceof DisjunctionMaxQuery dmq) {
        for (Query d : dmq.getDisjuncts()) {
          queries.push(d);
          depths.push(depth + 1);
        }
      } else if (q instanceof BoostQuery boost) {
        queries.push(boost.getQuery());
        depths.push(depth);
      } else if (q instanceof ConstantScoreQuery csq) {
        queries.push(csq.getQuery());
        depths.push(depth);
      }
    }
  }

  private static LimitExceededException tooDeep(int depth, Limits limits) {
    return new LimitExceededException(
        "the query nests "
            + depth
            + " levels deep; the limit is "
            + limits.maxQueryDepth()
            + ": remove parentheses that group a single clause, or split the query",
        "max_query_depth",
        "--max-query-depth");
  }

  /** Refuses a regular expression that is too long or would build too large an automaton. */
  static void checkRegexp(String regexp, Limits limits) {
    if (regexp.length() > limits.maxRegexpChars()) {
      throw new LimitExceededException(
          "the regular expression /"
              + abbreviate(regexp)
              + "/ has "
              + regexp.length()
              + " characters; the limit is "
              + limits.maxRegexpChars(),
          "max_regexp_chars",
          "--max-regexp-chars");
    }
    // Parsed here with the flags Lucene's query parser uses (cheap: no automaton yet) to size it.
    long states = states(new RegExp(regexp, RegExp.ALL));
    if (states > limits.maxAutomatonStates()) {
      throw new LimitExceededException(
          "the regular expression /"
              + abbreviate(regexp)
              + "/ would build an automaton of about "
              + (states >= HUGE ? "billions of" : states)
              + " states; the limit is "
              + limits.maxAutomatonStates()
              + ": use smaller repeat counts {n,m} or fewer nested repeats",
          "max_automaton_states",
          "--max-automaton-states");
    }
  }

  /**
   * Refuses a fuzzy term whose Levenshtein automaton would exceed the limit: up to {@code (2k+1)^2}
   * states for each character within {@code k} edits (a 4,000-character term~2 took over a second
   * to build).
   */
  static void checkFuzzy(String term, int maxEdits, Limits limits) {
    long perChar = (2L * maxEdits + 1) * (2L * maxEdits + 1);
    long states = (term.codePointCount(0, term.length()) + 1L) * perChar;
    if (states > limits.maxAutomatonStates()) {
      throw new LimitExceededException(
          "the fuzzy term '"
              + abbreviate(term)
              + "~"
              + maxEdits
              + "' would build an automaton of about "
              + states
              + " states; the limit is "
              + limits.maxAutomatonStates()
              + ": shorten it",
          "max_automaton_states",
          "--max-automaton-states");
    }
  }

  /** A regexp or wildcard that Lucene found too complex to determinize within the limit. */
  static LimitExceededException tooComplex(Limits limits) {
    return new LimitExceededException(
        "a regular expression or wildcard in the query is too"
            + " complex to run within the automaton limit of "
            + limits.maxAutomatonStates()
            + ": simplify the part between slashes /.../ or use fewer * and ?",
        "max_automaton_states",
        "--max-automaton-states");
  }

  /**
   * An upper estimate of the states of the automaton Lucene builds for {@code re} before
   * determinizing it: a repeat {n,m} is m copies of its operand, an intersection a product. The
   * tree is as deep as the regexp is long, which {@link #checkRegexp} bounds first.
   */
  static long states(RegExp re) {
    return switch (re.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION -> add(states(re.exp1), states(re.exp2));
      case REGEXP_INTERSECTION -> times(states(re.exp1), states(re.exp2));
      case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT ->
          add(states(re.exp1), 1);
      case REGEXP_REPEAT_MIN -> times(states(re.exp1), (long) re.min + 1);
      case REGEXP_REPEAT_MINMAX -> times(states(re.exp1), Math.max(1L, re.max));
      case REGEXP_STRING -> re.s.length() + 1L;
      case REGEXP_INTERVAL -> 10L * (re.digits + 2) * (re.digits + 2);
      case REGEXP_CHAR, REGEXP_CHAR_RANGE, REGEXP_CHAR_CLASS, REGEXP_ANYCHAR -> 2;
      case REGEXP_EMPTY, REGEXP_ANYSTRING, REGEXP_AUTOMATON -> 1;
    };
  }

  private static long add(long a, long b) {
    return Math.min(HUGE, a + b);
  }

  private static long times(long a, long b) {
    return a != 0 && b > HUGE / a ? HUGE : Math.min(HUGE, a * b);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
