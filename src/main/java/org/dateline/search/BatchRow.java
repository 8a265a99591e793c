package org.dateline.search;

import java.util.List;
import org.dateline.search.kwic.KwicLine;

/**
 * One line of a batch search answered: how many articles and outlets the line finds, its first and
 * last publication day, its best hits; or, for a line that cannot be searched, why (then the counts
 * are 0 and the hits empty).
 *
 * @param line the line's number in the input, from 1
 * @param query the line as given
 * @param searched the query actually run (with variants and proximity applied): open it as a search
 * @param stories how many stories (sets of copies of one text) the matching articles belong to
 * @param firstDate earliest publication day (UTC) of a matching article, null if none is dated
 */
public record BatchRow(
    int line,
    String query,
    String searched,
    long articles,
    long stories,
    int outlets,
    String firstDate,
    String lastDate,
    List<BatchHit> hits,
    String error) {

  /**
   * One of a line's best hits, with its first KWIC line (null when the match is not in the body).
   */
  public record BatchHit(String id, String title, String outlet, String date, KwicLine kwic) {}

  static BatchRow failed(int line, String query, String searched, String error) {
    return new BatchRow(line, query, searched, 0, 0, 0, null, null, List.of(), error);
  }
}
