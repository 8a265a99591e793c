package org.dateline.search;

import java.util.List;
import java.util.Map;
import org.dateline.search.kwic.KwicLine;

/**
 * One search hit as the API returns it. {@code score} is null when sorted by date. {@code entities}
 * holds canonical names; {@code names} each name as the article writes it with its canonical name;
 * {@code story} the story the article is a copy of (null where no story was looked up); {@code
 * dateOffset} the offset from UTC in minutes the source printed its time in ("23.39 EST": -300),
 * null when it stated none (or only a day).
 */
public record Hit(
    String id,
    String title,
    String outlet,
    String date,
    String datePrecision,
    Integer dateOffset,
    String url,
    String path,
    List<String> agencies,
    List<String> authors,
    String language,
    Map<String, List<String>> entities,
    List<WrittenName> names,
    List<KwicLine> kwic,
    int kwicTotal,
    Float score,
    StorySummary story) {

  /** The same hit with another story summary (or none). */
  public Hit withStory(StorySummary other) {
    return new Hit(
        id,
        title,
        outlet,
        date,
        datePrecision,
        dateOffset,
        url,
        path,
        agencies,
        authors,
        language,
        entities,
        names,
        kwic,
        kwicTotal,
        score,
        other);
  }
}
