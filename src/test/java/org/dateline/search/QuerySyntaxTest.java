package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dateline.config.Limits;
import org.junit.jupiter.api.Test;

/** A query that cannot be read is explained in words, with where and how to fix it. */
class QuerySyntaxTest {

  private static QuerySyntaxException refused(String q) {
    return assertThrows(QuerySyntaxException.class, () -> QueryFactory.parse(q, Limits.defaults()));
  }

  /** The suggested fix must itself parse: an offer that fails again would cost more trust. */
  private static void fixParses(QuerySyntaxException e) {
    QueryFactory.parse(e.suggestion(), Limits.defaults());
  }

  @Test
  void aStrayQuoteIsNamedWithItsPositionAndEscaped() {
    QuerySyntaxException e = refused("Deir ez\"Zor");
    assertEquals(
        "the quote at position 8 starts a phrase that is never closed; close the phrase"
            + " with a second \", or escape the quote as \\\"",
        e.getMessage());
    assertEquals(7, e.position());
    assertEquals("Deir ez\\\"Zor", e.suggestion());
    fixParses(e);
  }

  @Test
  void parenthesesWithoutPartners() {
    QuerySyntaxException open = refused("(Baghouz OR Hajin");
    assertEquals(0, open.position());
    assertEquals(
        "the parenthesis at position 1 opens a group that is never closed; balance the"
            + " parentheses, or escape it as \\(",
        open.getMessage());
    fixParses(open);
    QuerySyntaxException close = refused("Baghouz) AND Hajin");
    assertEquals(7, close.position());
    assertEquals("Baghouz\\) AND Hajin", close.suggestion());
    fixParses(close);
  }

  @Test
  void anOperatorWithNothingAfterIt() {
    QuerySyntaxException e = refused("Baghouz AND");
    assertEquals(8, e.position());
    assertEquals(
        "the operator AND needs a word or phrase on both sides; remove it, or write it in"
            + " lower case (and) to search for the word itself",
        e.getMessage());
  }

  @Test
  void anIncompleteRange() {
    QuerySyntaxException e = refused("date:[2019-01-01 TO");
    assertEquals(5, e.position());
  }

  @Test
  void ourOwnRefusalsKeepTheirMessage() {
    BadRequestException e =
        assertThrows(
            BadRequestException.class, () -> QueryFactory.parse("nosuch:word", Limits.defaults()));
    assertEquals(
        "unknown field 'nosuch'; searchable fields are title, body, outlet, agency,"
            + " language, type, person, organization, place, author and date",
        e.getMessage());
  }
}
