package org.dateline.cli;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.LockObtainFailedException;
import org.dateline.index.IndexLayoutException;
import org.dateline.search.BadRequestException;
import org.dateline.search.LimitExceededException;

/** One-line, actionable messages for the errors a user can meet on the command line. */
final class Errors {

  private Errors() {}

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("No space left on device")) {
        return "the disk holding the index is full (No space left on device). Free some space and"
            + " run the same command again: the index keeps everything up to its last commit, and"
            + " files already indexed are skipped";
      }
    }
    if (e instanceof LockObtainFailedException) {
      return "the index is being written by another Dateline process (a 'serve --watch' or"
          + " another 'index'); while a server owns it, drop files into its watch folder or upload"
          + " them (POST /api/documents) instead, or wait for the other 'index' to finish";
    }
    if (e instanceof IndexLayoutException) {
      return e.getMessage();
    }
    if (e instanceof IndexNotFoundException) {
      return "no index found there; create one with: ./dateline index PATH --index DIR";
    }
    if (e instanceof NoSuchFileException) {
      // its message is the path alone ("dateline: names.txt" said nothing of what was wrong)
      return "no such file or folder: " + e.getMessage();
    }
    if (e instanceof FileNotFoundException) {
      return e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    if (e instanceof LimitExceededException limit && limit.flag() != null) {
      // on the command line the option is the user's own to change
      return limit.getMessage() + " (" + limit.flag() + " sets this limit)";
    }
    if (e instanceof BadRequestException) {
      return e.getMessage();
    }
    if (e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
