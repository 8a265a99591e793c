package org.dateline.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dateline.index.Schema;

/**
 * The configset a Dateline collection needs: {@code schema.xml}, written from {@link Schema} (the
 * same field names, and the analysis chain of {@link org.dateline.index.NewsAnalyzer} in Solr's
 * factories), and {@code solrconfig.xml}. Stateless.
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
    field(x, Schema.ID, "string", "indexed=\"true\" stored=\"true\" required=\"true\"");
    field(x, "_version_", "plong", "indexed=\"false\" stored=\"false\"");
    // The routing key (router.field): every copy of a story on one shard.
    field(x, Schema.STORY, "string", "indexed=\"true\" stored=\"true\" required=\"true\"");
    field(x, Schema.TITLE, "text_news", "indexed=\"true\" stored=\"false\"");
    field(
        x,
        Schema.BODY,
        "text_news",
        "indexed=\"true\" stored=\"true\" storeOffsetsWithPositions=\"true\"");
    field(x, Schema.META, "string", "indexed=\"false\" stored=\"true\" docValues=\"false\"");
    field(x, Schema.PATH, "string", "indexed=\"true\" stored=\"false\"");
    field(x, Schema.DATE, "pdate", "indexed=\"true\" stored=\"false\"");
    field(x, Schema.LOCAL_DATE, "pdate", "indexed=\"true\" stored=\"false\"");
    field(x, Schema.AUTHOR, "text_news", "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
    for (String dim : Schema.FACET_DIMS) {
      field(x, dim, "text_news", "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
      field(
          x,
          SolrFields.facet(dim),
          "string",
          "indexed=\"true\" stored=\"false\" multiValued=\"true\"");
      x.append("  <copyField source=\"")
          .append(dim)
          .append("\" dest=\"")
          .append(SolrFields.facet(dim))
          .append("\"/>\n");
    }
    return x.append("</schema>\n").toString();
  }

  private static void types(StringBuilder x) {
    x.append("  <fieldType name=\"string\" class=\"solr.StrField\" sortMissingLast=\"true\"")
        .append(" docValues=\"true\"/>\n")
        .append("  <fieldType name=\"plong\" class=\"solr.LongPointField\" docValues=\"true\"/>\n")
        .append("  <fieldType name=\"pdate\" class=\"solr.DatePointField\" docValues=\"true\"")
        .append(" sortMissingLast=\"true\"/>\n");
    // NewsAnalyzer: whitespace, word parts and their catenation (no split on case or digits),
    // English possessive, ASCII folding, lower case; flattened at index time only. No gap between
    // the values of a multi-valued field, as Lucene's own Analyzer.
    x.append("  <fieldType name=\"text_news\" class=\"solr.TextField\"")
        .append(" positionIncrementGap=\"0\">\n");
    for (String kind : new String[] {"index", "query"}) {
      x.append("    <analyzer type=\"")
          .append(kind)
          .append("\">\n")
          .append("      <tokenizer class=\"solr.WhitespaceTokenizerFactory\"/>\n")
          .append("      <filter class=\"solr.WordDelimiterGraphFilterFactory\"")
          .append(" generateWordParts=\"1\" generateNumberParts=\"1\" catenateWords=\"1\"")
          .append(" catenateNumbers=\"1\" catenateAll=\"0\" preserveOriginal=\"0\"")
          .append(" splitOnCaseChange=\"0\" splitOnNumerics=\"0\" stemEnglishPossessive=\"1\"/>\n")
          .append("      <filter class=\"solr.ASCIIFoldingFilterFactory\"/>\n")
          .append("      <filter class=\"solr.LowerCaseFilterFactory\"/>\n");
      if (kind.equals("index")) {
        x.append("      <filter class=\"solr.FlattenGraphFilterFactory\"/>\n");
      }
      x.append("    </analyzer>\n");
    }
    x.append("  </fieldType>\n");
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
