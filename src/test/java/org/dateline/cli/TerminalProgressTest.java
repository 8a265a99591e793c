package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress written to a log (standard error no terminal): whole plain lines. */
class TerminalProgressTest {

  @Test
  void howFarARunHasGotIsItsShareOfTheBytesNotOfTheFiles() {
    // Reuters-21578 first: 22 container files of 27 MB, then 384 small pages of 1 MB in all
    String last = lastLine(22, 27_000_000L, 21578, 0);
    assertTrue(last.contains(" 96% "), "27 of 28 MB read, not 22 of 406 files (5 %): " + last);
    assertTrue(last.contains(" 27/28 MB "), last);
    assertTrue(last.contains(" 22/406 files, 21578 articles, 0 failed"), last);
  }

  /** The log's last line after {@code files} files of {@code bytes} of 406 files (28 MB). */
  private static String lastLine(long files, long bytes, long articles, long failures) {
    String before = System.getProperty(TerminalProgress.TERMINAL_PROPERTY);
    System.setProperty(TerminalProgress.TERMINAL_PROPERTY, "false");
    List<String> lines = new ArrayList<>();
    try {
      TerminalProgress progress = new TerminalProgress(lines::add);
      progress.started(406, 28_000_000L);
      progress.fileDone(files, bytes, articles, failures);
      progress.finished();
    } finally {
      if (before == null) {
        System.clearProperty(TerminalProgress.TERMINAL_PROPERTY);
      } else {
        System.setProperty(TerminalProgress.TERMINAL_PROPERTY, before);
      }
    }
    return lines.get(lines.size() - 1);
  }

  @Test
  void aLogLineKeepsTheArticleAndFailureCounts() {
    String last = lastLine(406, 28_000_000L, 22222, 17);
    // the progress library cut a log's line at 80 characters: "... 22222 articles, " and no
    // failures
    assertTrue(last.contains(" 28/28 MB "), last);
    assertTrue(last.contains(" 406/406 files, "), last);
    assertTrue(last.contains(" 22222 articles, 17 failed"), last);
    assertEquals(-1, last.indexOf('\u001b'), last);
    assertTrue(last.length() <= 120, last);
  }
}
