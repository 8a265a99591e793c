package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The widget is a classic script on other sites' pages, which the browser decodes in the host
 * page's charset (a page that declares none: Windows-1252), whatever Dateline serves it as: only
 * ASCII survives every charset, so "·" and "→" are written as \\u escapes in it.
 */
class WidgetAsciiTest {

  @Test
  void theWidgetIsAsciiOnly() throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of("web", "widget.js"));
    assertTrue(bytes.length > 1000, "web/widget.js read");
    List<String> lines = new ArrayList<>();
    String[] text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < text.length; i++) {
      if (!text[i].chars().allMatch(c -> c < 0x80)) {
        lines.add((i + 1) + ": " + text[i].strip());
      }
    }
    assertEquals(List.of(), lines, "lines of web/widget.js with characters beyond ASCII");
  }
}
