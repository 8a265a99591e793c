package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.dateline.search.BadRequestException;
import org.dateline.search.QueryFactory;
import org.junit.jupiter.api.Test;

/** Dateline's parsed queries as the XML of Solr's xmlparser: the same terms, in the same shape. */
class SolrQueryXmlTest {

  private static String xml(String query) {
    return SolrQueryXml.of(QueryFactory.parse(query));
  }

  @Test
  void aPlainWordIsItsExactTermsAndItsStemsInEveryLanguage() {
    String bank = xml("banks");
    assertTrue(bank.startsWith("<BooleanQuery>"), bank);
    assertTrue(bank.contains("<TermQuery fieldName=\"body\">banks</TermQuery>"), bank);
    assertTrue(bank.contains("<TermQuery fieldName=\"title\">banks</TermQuery>"), bank);
    assertTrue(
        bank.contains("<Clause occurs=\"should\"><TermQuery fieldName=\"body_stem\">en:bank"));
    assertTrue(bank.contains("<BooleanQuery boost=\"2.0\">"), "title is boosted: " + bank);
  }

  @Test
  void andNotAndTheDefaultOperatorKeepTheirOccurrence() {
    String q = xml("bank AND NOT japan");
    assertTrue(q.startsWith("<BooleanQuery><Clause occurs=\"must\"><BooleanQuery>"), q);
    assertEquals(1, q.split("<Clause occurs=\"mustNot\">", -1).length - 1, q);
    assertTrue(q.indexOf(">japan<") > q.indexOf("<Clause occurs=\"mustNot\">"), q);
  }

  @Test
  void aQuotedPhraseSearchesTheExactFieldsInTheClassicSyntax() {
    String q = xml("\"crude oil\"");
    assertTrue(q.contains("<UserQuery fieldName=\"body\">&quot;crude oil&quot;</UserQuery>"), q);
    assertTrue(!q.contains("_stem"), "a phrase never matches inflections: " + q);
    PhraseQuery sloppy = new PhraseQuery(3, "body", "crude", "oil");
    assertEquals(
        "<UserQuery fieldName=\"body\">&quot;crude oil&quot;~3</UserQuery>",
        SolrQueryXml.of(sloppy));
    PhraseQuery gap =
        new PhraseQuery.Builder()
            .add(new Term("body", "a"), 0)
            .add(new Term("body", "b"), 2)
            .build();
    assertEquals(
        "<SpanNear slop=\"1\" inOrder=\"true\"><SpanTerm fieldName=\"body\">a</SpanTerm>"
            + "<SpanTerm fieldName=\"body\">b</SpanTerm></SpanNear>",
        SolrQueryXml.of(gap));
  }

  @Test
  void wildcardsFuzzyTermsAndRangesAreEscapedForTheClassicSyntax() {
    assertEquals(
        "<UserQuery fieldName=\"body\">ba\\:n*k?</UserQuery>",
        SolrQueryXml.of(new WildcardQuery(new Term("body", "ba:n*k?"))));
    assertEquals(
        "<UserQuery fieldName=\"body\">/.*an\\-k./</UserQuery>",
        SolrQueryXml.of(new WildcardQuery(new Term("body", "*an-k?"))));
    assertTrue(xml("bank~1").contains("<UserQuery fieldName=\"body\">bank~1</UserQuery>"));
    assertTrue(xml("ban*").contains("<UserQuery fieldName=\"title\">ban*</UserQuery>"));
    assertTrue(
        xml("title:[a TO c}").contains("<UserQuery fieldName=\"title\">[a TO c}</UserQuery>"));
    assertEquals("x\\ y\\\"z\\\\", SolrQueryXml.escape("x y\"z\\"));
    assertEquals(
        "<TermQuery fieldName=\"body\">r&amp;d&lt;b&gt;&quot;</TermQuery>",
        SolrQueryXml.of(new TermQuery(new Term("body", "r&d<b>\""))));
  }

  @Test
  void aQueryTypeItCannotWriteIsRefusedInPlainWords() {
    var set = new TermInSetQuery("body", List.of(new BytesRef("a"), new BytesRef("b")));
    BadRequestException e = assertThrows(BadRequestException.class, () -> SolrQueryXml.of(set));
    assertTrue(e.getMessage().startsWith("this query cannot be sent to the Solr backend"));
  }
}
