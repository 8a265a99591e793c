package org.dateline.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in words why a query does not parse, instead of the parser's grammar states: a quote that
 * opens a phrase never closed, a parenthesis or range bracket without its partner, an operator with
 * nothing on one side, a field name with no value. Each explanation names the position and, where a
 * safe rewrite exists, the query with the stray character escaped. Stateless.
 */
final class QuerySyntax {

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
  private static final Pattern DANGLING_OPERATOR =
      Pattern.compile("(^\\s*(AND|OR)\\b)|(\\b(AND|OR|NOT)\\s*$)|(\\b(AND|OR|NOT)\\s+(AND|OR)\\b)");
  private static final Pattern EMPTY_FIELD = Pattern.compile("\\b(\\w+):(\\s|$)");

  private QuerySyntax() {}

  /** The explanation of why {@code query} failed to parse with {@code cause}. */
  static QuerySyntaxException explain(String query, Exception cause) {
    QuerySyntaxException e = unpaired(query, cause);
    if (e == null) {
      e = misplaced(query, cause);
    }
    return e != null ? e : unreadable(query, cause);
  }

  /** A quote, parenthesis or range bracket without its partner, or null. */
  private static QuerySyntaxException unpaired(String query, Exception cause) {
    int quote = unclosedQuote(query);
    if (quote >= 0) {
      return error(
          query,
          quote,
          "the quote at position "
              + (quote + 1)
              + " starts a phrase that"
              + " is never closed; close the phrase with a second \", or escape the quote as \\\"",
          escapeAt(query, quote),
          cause);
    }
    int paren = unbalanced(query, '(', ')');
    if (paren >= 0) {
      String what =
          query.charAt(paren) == '('
              ? "opens a group that is never closed"
              : "closes a group that was never opened";
      return error(
          query,
          paren,
          "the parenthesis at position "
              + (paren + 1)
              + " "
              + what
              + "; balance the parentheses, or escape it as \\"
              + query.charAt(paren),
          escapeAt(query, paren),
          cause);
    }
    int bracket = unbalancedRange(query);
    if (bracket >= 0) {
      return error(
          query,
          bracket,
          "the bracket at position "
              + (bracket + 1)
              + " starts or ends"
              + " a range ([from TO to]) that is not complete; write a whole range, or escape it as \\"
              + query.charAt(bracket),
          escapeAt(query, bracket),
          cause);
    }
    return null;
  }

  /** An operator with nothing on one side, or a field name with no value, or null. */
  private static QuerySyntaxException misplaced(String query, Exception cause) {
    Matcher op = DANGLING_OPERATOR.matcher(query);
    if (op.find()) {
      String word = op.group().strip().split("\\s+")[0];
      return error(
          query,
          op.start() + op.group().indexOf(word),
          "the operator "
              + word
              + " needs a word or phrase on both sides; remove it, or write it in lower case ("
              + word.toLowerCase(Locale.ROOT)
              + ") to search for the word itself",
          null,
          cause);
    }
    Matcher field = EMPTY_FIELD.matcher(query);
    if (field.find()) {
      return error(
          query,
          field.end(1),
          "the field "
              + field.group(1)
              + ": has no value after it;"
              + " write field:value with no space, or escape the colon as \\:",
          escapeAt(query, field.end(1)),
          cause);
    }
    return null;
  }

  /** Where the parser stopped, in words, when no cause above fits. */
  private static QuerySyntaxException unreadable(String query, Exception cause) {
    int column = column(cause.getMessage());
    int at = column > 0 && column <= query.length() ? column - 1 : -1;
    String where = at >= 0 ? " at position " + (at + 1) + " ('" + query.charAt(at) + "')" : "";
    return error(
        query,
        at,
        "the query cannot be read"
            + where
            + ". Quote phrases with \"...\","
            + " balance parentheses, and escape the characters + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\"
            + " / with a backslash when you mean them as text",
        at >= 0 && special(query.charAt(at)) ? escapeAt(query, at) : null,
        cause);
  }

  private static QuerySyntaxException error(
      String query, int position, String message, String suggestion, Exception cause) {
    return new QuerySyntaxException(message, position, suggestion, cause);
  }

  /** The position of a quote that opens a phrase never closed, or -1. */
  static int unclosedQuote(String q) {
    int open = -1;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        open = open < 0 ? i : -1;
      }
    }
    return open;
  }

  /** The position of an unpartnered {@code open} or {@code close} outside phrases, or -1. */
  static int unbalanced(String q, char open, char close) {
    Deque<Integer> opened = new ArrayDeque<>();
    boolean inPhrase = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        inPhrase = !inPhrase;
      } else if (!inPhrase && c == open) {
        opened.push(i);
      } else if (!inPhrase && c == close) {
        if (opened.isEmpty()) {
          return i;
        }
        opened.pop();
      }
    }
    return opened.isEmpty() ? -1 : opened.peekLast();
  }

  /** The position of a range bracket ([ or {) left open or closed unopened, or -1. */
  private static int unbalancedRange(String q) {
    int square = unbalanced(q, '[', ']');
    int curly = unbalanced(q, '{', '}');
    return square >= 0 ? square : curly;
  }

  private static String escapeAt(String q, int i) {
    return q.substring(0, i) + "\\" + q.substring(i);
  }

  private static boolean special(char c) {
    return "+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0;
  }

  private static int column(String message) {
    if (message == null) {
      return -1;
    }
    Matcher m = COLUMN.matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
