package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.dateline.enrich.Article;
import org.dateline.search.QueryFactory;
import org.dateline.search.kwic.Kwic;
import org.dateline.search.kwic.KwicLine;
import org.junit.jupiter.api.Test;

/** KWIC of a Solr hit, from the article's own text indexed in memory with Dateline's chains. */
class SolrKwicTest {

  private static final String TEXT =
      "Banks raised rates. The central bank said crude oil prices and the Bank of Japan's view"
          + " mattered.";

  private static Article article() {
    return new Article(
        "a1",
        "/tmp/a.txt",
        "1",
        null,
        "Rates",
        TEXT,
        null,
        "Reuters",
        List.of(),
        List.of(),
        "en",
        "article",
        "h1",
        Map.of(),
        Map.of(),
        List.of(),
        null);
  }

  private static List<String> matches(String query) throws Exception {
    Kwic.Result r = new SolrKwic(QueryFactory.parse(query)).lines(article(), 10);
    return r.lines().stream().map(KwicLine::match).toList();
  }

  @Test
  void aPlainWordMarksItsInflectionsAPhraseOnlyItself() throws Exception {
    assertEquals(List.of("Banks", "bank", "Bank"), matches("bank"));
    assertEquals(List.of("bank", "Bank"), matches("\"bank\""), "not Banks");
    assertEquals(List.of("crude oil"), matches("\"crude oil\""));
    assertEquals(List.of("Banks", "bank", "Bank"), matches("ban*"));
  }

  @Test
  void aQueryThisArticleDoesNotMatchMarksNothing() throws Exception {
    assertEquals(List.of(), matches("bank AND NOT japan"));
    assertEquals(List.of(), matches("title:oil AND oil"));
    assertEquals(List.of("oil"), matches("title:rates AND oil"));
  }
}
