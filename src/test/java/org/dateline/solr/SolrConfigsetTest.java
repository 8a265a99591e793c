package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The configset: well-formed, every field Dateline sends, pre-analysed, BM25 as Dateline. */
class SolrConfigsetTest {

  @Test
  void schemaDeclaresEveryFieldPreAnalysedAndDatelinesRanking() throws Exception {
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    SolrConfigset.schemaXml().getBytes(StandardCharsets.UTF_8)));
    assertEquals(Schema.ID, xml.getElementsByTagName("uniqueKey").item(0).getTextContent());
    List<String> fields = attributes(xml.getElementsByTagName("field"), "name");
    for (String f :
        List.of(Schema.ID, Schema.STORY, Schema.TITLE, Schema.BODY, Schema.META, Schema.DATE)) {
      assertTrue(fields.contains(f), f);
    }
    for (String dim : Schema.FACET_DIMS) {
      assertTrue(fields.contains(dim) && fields.contains(dim + "_facet"), dim);
    }
    for (String stems : List.of(Schema.TITLE_STEM, Schema.BODY_STEM)) {
      assertTrue(fields.contains(stems), stems);
    }
    // every searchable text arrives pre-analysed; the query chain only splits at spaces
    Element text = (Element) xml.getElementsByTagName("fieldType").item(3);
    assertEquals("solr.PreAnalyzedField", text.getAttribute("class"));
    assertEquals("json", text.getAttribute("parserImpl"));
    NodeList analyzers = text.getElementsByTagName("analyzer");
    assertEquals(1, analyzers.getLength());
    assertEquals("query", ((Element) analyzers.item(0)).getAttribute("type"));
    assertEquals(0, ((Element) analyzers.item(0)).getElementsByTagName("filter").getLength());
    assertEquals(0, xml.getElementsByTagName("copyField").getLength());
    Element bm25 = (Element) xml.getElementsByTagName("similarity").item(0);
    assertEquals("solr.BM25SimilarityFactory", bm25.getAttribute("class"));
    assertEquals("0.9", bm25.getElementsByTagName("float").item(0).getTextContent());
  }

  @Test
  void theZipHoldsBothFiles() throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SolrConfigset.zip()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertEquals(List.of("schema.xml", "solrconfig.xml"), names);
    assertTrue(SolrConfigset.solrconfigXml().contains("<autoSoftCommit>"));
  }

  private static List<String> attributes(NodeList nodes, String name) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(((Element) nodes.item(i)).getAttribute(name));
    }
    return out;
  }
}
