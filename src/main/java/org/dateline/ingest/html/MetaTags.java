package org.dateline.ingest.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's meta tags keyed by lower-case name, property, itemprop or http-equiv. */
final class MetaTags {

  private final Map<String, List<String>> values = new HashMap<>();

  private MetaTags() {}

  /** Reads every meta tag of the document, head and body alike. */
  static MetaTags of(Document doc) {
    MetaTags tags = new MetaTags();
    for (Element meta : doc.select("meta[content]")) {
      String content = Text.clean(meta.attr("content"));
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : List.of("name", "property", "itemprop", "http-equiv")) {
        String key = meta.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          tags.values.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
        }
      }
    }
    return tags;
  }

  /** All values under any of the keys, in key order then page order. */
  List<String> all(String... keys) {
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      out.addAll(values.getOrDefault(key, List.of()));
    }
    return out;
  }

  /** The first value under any of the keys, or null. */
  String first(String... keys) {
    List<String> all = all(keys);
    return all.isEmpty() ? null : all.get(0);
  }
}
