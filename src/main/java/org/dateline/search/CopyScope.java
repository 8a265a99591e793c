package org.dateline.search;

import java.time.LocalDate;
import java.util.List;
import org.dateline.enrich.Article;

/**
 * The copies of a story one reader may see: those of these outlets (any when empty) published from
 * {@code from} to {@code to} (open-ended when null; an undated copy is outside any range). A
 * story's summary and its copy list are counted over these copies only, so a key limited to some
 * outlets or dates learns nothing of the copies outside them.
 */
public record CopyScope(List<String> outlets, LocalDate from, LocalDate to) {

  /** Every copy. */
  public static final CopyScope ALL = new CopyScope(List.of(), null, null);

  public CopyScope {
    outlets = List.copyOf(outlets);
  }

  /** Whether a reader of this scope may see {@code copy}. */
  public boolean admits(Article copy) {
    if (!outlets.isEmpty() && !outlets.contains(copy.outlet())) {
      return false;
    }
    if (from == null && to == null) {
      return true;
    }
    if (copy.date() == null) {
      return false;
    }
    LocalDate day = copy.date().localDay(); // the day date filters use
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }
}
