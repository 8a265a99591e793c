package org.dateline.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.dateline.search.kwic.KwicLine;

/**
 * One search hit as the API returns it. {@code score} is null when sorted by date. {@code entities}
 * holds canonical names; {@code names} each name as the article writes it with its canonical name;
 * {@code story} the story the article is a copy of (null where no story was looked up); {@code
 * dateOffset} the offset from UTC in minutes the source printed its time in ("23.39 EST": -300),
 * null when it stated none (or only a day); {@code dateDay} the day the outlet printed when it
 * printed that day apart from a UTC instant (a page's address /2019/11/18/ beside
 * "2019-11-19T04:58Z"), the day date filters and the histogram count the hit on; left out
 * otherwise.
 */
public record Hit(
    String id,
    String title,
    String outlet,
    String date,
    String datePrecision,
    Integer dateOffset,
    @JsonInclude(JsonInclude.Include.NON_NULL) String dateDay,
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
        dateDay,
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
