package org.dateline.ingest;

import java.util.List;

/**
 * One article as a parser found it, before enrichment: normalised text plus the raw metadata
 * candidates the source offered. A file yields one or many (a feed, an mbox, a WARC, a Reuters SGML
 * file).
 *
 * @param itemKey the article's stable key inside its file ("" for a single-article file)
 * @param dates publication-date candidates, best first, as written
 * @param outlets outlet candidates, best first
 * @param agencies wire agencies the source's own fields credit (e.g. a NewsML provider)
 */
public record SourceDoc(
    String itemKey,
    String title,
    String text,
    String contentType,
    String url,
    String language,
    List<MetaValue> dates,
    List<MetaValue> outlets,
    List<String> authors,
    List<String> agencies) {

  public SourceDoc {
    itemKey = itemKey == null ? "" : itemKey;
    title = title == null ? "" : title.strip();
    text = text == null ? "" : text;
    dates = List.copyOf(dates);
    outlets = List.copyOf(outlets);
    authors = List.copyOf(authors);
    agencies = List.copyOf(agencies);
  }

  /** The same article under another item key (a zip member's articles take the member's path). */
  public SourceDoc withItemKey(String key) {
    return new SourceDoc(
        key, title, text, contentType, url, language, dates, outlets, authors, agencies);
  }
}
