package org.dateline.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.index.IndexRoots;

/**
 * A source file's path as readers see it: relative to the folder it was indexed from, that folder's
 * own name first ({@code seeds/004_x.txt}), so two roots stay apart and nothing of the server's
 * layout shows. The index keeps the absolute path; only this is shown.
 */
public final class ShownPath {

  private ShownPath() {}

  /**
   * {@code absolute} below the deepest of {@code roots} that holds it, as that root's name and the
   * names under it joined by '/'; a path under no known root shows its file name alone.
   */
  public static String of(String absolute, List<String> roots) {
    if (absolute == null) {
      return null;
    }
    Path path = Path.of(absolute);
    Path best = null;
    for (String root : roots) {
      Path r = Path.of(root);
      if (path.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) {
        best = r;
      }
    }
    Path shown;
    if (best == null || best.getNameCount() == 0) {
      shown = path.getFileName();
    } else {
      Path base = best.getParent();
      shown = base == null ? best.relativize(path) : base.relativize(path);
    }
    if (shown == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Path name : shown) {
      out.append(out.isEmpty() ? "" : "/").append(name);
    }
    return out.toString();
  }

  /** The roots recorded by the commit {@code searcher} reads (none when it records none). */
  static List<String> roots(IndexSearcher searcher) throws IOException {
    // The commit's user data straight from the reader's segment infos: getIndexCommit() builds a
    // commit object listing every file of the index, on every request.
    if (searcher.getIndexReader() instanceof StandardDirectoryReader reader) {
      return IndexRoots.of(reader.getSegmentInfos().getUserData());
    }
    return searcher.getIndexReader() instanceof DirectoryReader reader
        ? IndexRoots.of(reader.getIndexCommit().getUserData())
        : List.of();
  }
}
