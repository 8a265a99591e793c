package org.dateline.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.dateline.enrich.Article;

/**
 * An article's metadata as the JSON text {@link Schema#META} holds (everything but its text), for
 * stores other than the embedded index (a Solr collection keeps the same text in a stored field).
 * Thread-safe.
 */
public final class ArticleJson {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          // the same article, the same text in every JVM (a copy's hash is taken over it)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ArticleJson() {}

  /** The metadata of {@code article}, its text left out. */
  public static String metadata(Article article) {
    try {
      return JSON.writeValueAsString(article.withText(""));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("an article's metadata cannot be written as JSON", e);
    }
  }

  /** The article of {@code metadata} (as {@link #metadata} wrote it) with the text {@code text}. */
  public static Article article(String metadata, String text) {
    try {
      return JSON.readValue(metadata, Article.class).withText(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored article metadata is unreadable", e);
    }
  }
}
