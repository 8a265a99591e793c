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

/** The configset: well-formed, every field Dateline sends, the analysis of NewsAnalyzer. */
class SolrConfigsetTest {

  @Test
  void schemaDeclaresEveryFieldAndCopiesEachDimensionToItsFacetField() throws Exception {
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
    assertEquals(Schema.FACET_DIMS, attributes(xml.getElementsByTagName("copyField"), "source"));
    // the index chain flattens the word-delimiter graph; the query chain keeps it
    NodeList analyzers = xml.getElementsByTagName("analyzer");
    assertEquals(2, analyzers.getLength());
    assertEquals(
        List.of(
            "solr.WordDelimiterGraphFilterFactory",
            "solr.ASCIIFoldingFilterFactory",
            "solr.LowerCaseFilterFactory",
            "solr.FlattenGraphFilterFactory"),
        attributes(((Element) analyzers.item(0)).getElementsByTagName("filter"), "class"));
    assertEquals(3, ((Element) analyzers.item(1)).getElementsByTagName("filter").getLength());
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
