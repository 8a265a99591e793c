package org.dateline.search;

import java.util.List;

/**
 * {@code GET /api/stories/{id}}: a story and every copy of it, earliest first, each measured
 * against the earliest copy (the first in the archive, not necessarily the original).
 */
public record StoryDetail(
    String id, int copies, int outlets, StoryCopy first, List<Copy> articles) {

  /**
   * One copy: {@code kept} is the share of the first copy's words this copy still has, in order;
   * {@code wordsAdded} and {@code wordsRemoved} count the words it added and left out.
   */
  public record Copy(
      String id,
      String title,
      String outlet,
      String date,
      double kept,
      int wordsAdded,
      int wordsRemoved) {}
}
