package org.dateline.ingest.html;

import java.util.List;
import org.dateline.ingest.MetaValue;

/** What a page says about itself. Raw metadata strings are parsed later by the enrich step. */
public record WebArticle(
    String title,
    String body,
    String canonicalUrl,
    String language,
    List<MetaValue> dates,
    List<MetaValue> outlets,
    List<String> authors) {

  /** Copies the lists so a caller cannot change an article after it was built. */
  public WebArticle {
    dates = List.copyOf(dates);
    outlets = List.copyOf(outlets);
    authors = List.copyOf(authors);
  }
}
