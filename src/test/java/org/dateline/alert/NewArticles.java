package org.dateline.alert;

import java.util.List;
import java.util.Map;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;

/** Articles as the alerts' tests make them arrive: no authors, agencies or entities. */
final class NewArticles {

  private NewArticles() {}

  /** Article {@code id} (path {@code /in/id}) of {@code outlet}, in {@code language}. */
  static Article of(
      String id, String title, String text, PubDate date, String outlet, String language) {
    return new Article(
        id,
        "/in/" + id,
        "1",
        null,
        title,
        text,
        date,
        outlet,
        List.of(),
        List.of(),
        language,
        "article",
        "h" + id,
        Map.of(),
        Map.of(),
        List.of(),
        null);
  }
}
