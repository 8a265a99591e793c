package org.dateline.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dateline.index.Schema;

/**
 * The configset a Dateline collection needs: {@code schema.xml}, written from {@link Schema} (the
 * same field names; every searchable text pre-analysed by Dateline, so no analysis module of ours
 * or of Solr's is needed on the cluster; BM25 with Dateline's parameters), and {@code
 * solrconfig.xml}. Stateless.
 */
public final class SolrConfigset {

  /** The configset's name when none is given. */
  public static final String DEFAULT_NAME = "dateline";

  private SolrConfigset() {}

  /** The schema: every field Dateline sends or asks for, and nothing guessed. */
  public static String schemaXml() {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n")
        .append("<!-- Dateline's schema (version ")
        .append(Schema.VERSION)
        .append("), written by `dateline solr schema`. -->\n")
        .append("<schema name=\"dateline\" version=\"1.6\">\n")
        .append("  <uniqueKey>")
        .append(Schema.ID)
        .append("</uniqueKey>\n");
    types(x);
    similarity(x);
    field(x, Schema.ID, "string", "indexed=\"true\" stored=\"true\" required=\"true\"");
    field(x, "_version_", "plong", "indexed=\"false\" stored=\"false\"");
    // The routing key (router.field): every copy of a story on one shard.
    field(x, Schema.STORY, "string", "indexed=\"true\" stored=\"true\" required=\"true\"");
    field(x, Schema.TITLE, TEXT, "indexed=\"true\" stored=\"false\"");
    field(x, Schema.BODY, TEXT, "indexed=\"true\" stored=\"true\"");
    for (String stems : Schema.STEM_FIELDS.keySet().stream().sorted().toList()) {
      field(x, stems, TEXT, "indexed=\"true\" stored=\"false\"");
    }
    field(x, SolrFields.HASH, "plong", "indexed=\"false\" stored=\"false\"");
    field(x, Schema.META, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\"");
    field(x, Schema.PATH, "string", "indexed=\"true\" stored=\"false\"");
    field(x, Schema.DATE, "pdate", "indexed=\"true\" stored=\"false\"");
    field(x, Schema.LOCAL_DATE, "pdate", "indexed=\"true\" stored=\"false\"");
    field(x, Schema.AUTHOR, TEXT, "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
    for (String dim : Schema.FACET_DIMS) {
      field(x, dim, TEXT, "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
      field(
          x,
          SolrFields.facet(dim),
          "string",
          "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
    }
    return x.append("</schema>\n").toString();
  }

  /** The type of every searchable text: tokens made by Dateline, indexed as sent. */
  static final String TEXT = "text_dateline";

  private static void types(StringBuilder x) {
    x.append("  <fieldType name=\"string\" class=\"solr.StrField\" sortMissingLast=\"true\"")
        .append(" docValues=\"true\"/>\n")
        .append("  <fieldType name=\"plong\" class=\"solr.LongPointField\" docValues=\"true\"/>\n")
        .append("  <fieldType name=\"pdate\" class=\"solr.DatePointField\" docValues=\"true\"")
        .append(" sortMissingLast=\"true\"/>\n");
    // Pre-analysed (SolrTokens): the terms and positions of NewsAnalyzer and of the article's
    // stemmer, as the embedded index holds them. Queries arrive as Lucene queries of exact terms
    // (SolrQueryXml); the query chain only splits a phrase written out for the classic parser at
    // the spaces Dateline put between its terms, and leaves a wildcard's text as it is.
    x.append("  <fieldType name=\"")
        .append(TEXT)
        .append("\" class=\"solr.PreAnalyzedField\" parserImpl=\"json\"")
        .append(" positionIncrementGap=\"0\">\n")
        .append("    <analyzer type=\"query\">\n")
        .append("      <tokenizer class=\"solr.WhitespaceTokenizerFactory\"/>\n")
        .append("    </analyzer>\n")
        .append("  </fieldType>\n");
  }

  /** BM25 with Dateline's own parameters, so both backends rank alike. */
  private static void similarity(StringBuilder x) {
    x.append("  <similarity class=\"solr.BM25SimilarityFactory\">\n")
        .append(String.format(Locale.ROOT, "    <float name=\"k1\">%s</float>%n", Schema.BM25_K1))
        .append(String.format(Locale.ROOT, "    <float name=\"b\">%s</float>%n", Schema.BM25_B))
        .append("  </similarity>\n");
  }

  private static void field(StringBuilder x, String name, String type, String attributes) {
    x.append("  <field name=\"")
        .append(name)
        .append("\" type=\"")
        .append(type)
        .append("\" ")
        .append(attributes)
        .append("/>\n");
  }

  /** The configset's {@code solrconfig.xml}. */
  public static String solrconfigXml() {
    try (InputStream in = SolrConfigset.class.getResourceAsStream("solrconfig.xml")) {
      if (in == null) {
        throw new IllegalStateException("solrconfig.xml is missing from the Dateline jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read solrconfig.xml from the Dateline jar", e);
    }
  }

  /** Both files as the zip Solr's configset upload takes. */
  public static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("schema.xml"));
      zip.write(schemaXml().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("solrconfig.xml"));
      zip.write(solrconfigXml().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot zip the configset", e); // in memory: does not happen
    }
    return bytes.toByteArray();
  }
}
