package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress written to a log (standard error no terminal): whole plain lines. */
class TerminalProgressTest {

  @Test
  void aLogLineKeepsTheArticleAndFailureCounts() {
    String before = System.getProperty(TerminalProgress.TERMINAL_PROPERTY);
    System.setProperty(TerminalProgress.TERMINAL_PROPERTY, "false");
    List<String> lines = new ArrayList<>();
    try {
      TerminalProgress progress = new TerminalProgress(lines::add);
      progress.started(406);
      progress.fileDone(406, 22222, 17);
      progress.finished();
    } finally {
      if (before == null) {
        System.clearProperty(TerminalProgress.TERMINAL_PROPERTY);
      } else {
        System.setProperty(TerminalProgress.TERMINAL_PROPERTY, before);
      }
    }
    assertFalse(lines.isEmpty());
    String last = lines.get(lines.size() - 1);
    // the progress library cut a log's line at 80 characters: "... 22222 articles, " and no
    // failures
    assertTrue(last.contains("406/406 files"), last);
    assertTrue(last.contains(" 22222 articles, 17 failed"), last);
    assertEquals(-1, last.indexOf('\u001b'), last);
    assertTrue(last.length() <= 120, last);
  }
}
