package org.dateline.index;

import java.io.IOException;
import java.util.List;

/**
 * The index folder holds an index written by a Dateline whose layout this version can neither read
 * nor extend. Nothing is changed: the journalist decides whether to rebuild it from its folders
 * (the message says which folders it was fed from, where the index recorded them).
 */
public final class IndexLayoutException extends IOException {

  private final String layout;
  private final List<String> roots;

  public IndexLayoutException(String layout, List<String> roots) {
    super(message(layout, roots));
    this.layout = layout;
    this.roots = List.copyOf(roots);
  }

  private static String message(String layout, List<String> roots) {
    String was = layout == null ? "an unknown layout" : "layout " + layout;
    String from =
        roots.isEmpty()
            ? "every folder it was fed from"
            : "the folders it was fed from: " + String.join(" ", roots);
    return "this index was written by another Dateline version ("
        + was
        + "; this version writes layout "
        + Schema.VERSION
        + ") and cannot be read or added to. Nothing was changed. To rebuild it, run 'dateline"
        + " index --rebuild' with "
        + from
        + " (the index is emptied first, then read again from those files)";
  }

  /** The layout the index's last commit names, or null when it names none. */
  public String layout() {
    return layout;
  }

  /** The folders the index recorded being fed from (empty when it recorded none). */
  public List<String> roots() {
    return roots;
  }
}
