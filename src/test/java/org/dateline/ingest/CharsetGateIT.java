package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Over every file of the shared corpus that is text (in whatever encoding, compressed or not), the
 * text Dateline reads holds no U+FFFD that the source does not hold itself: a wrong or missing
 * charset declaration is detected, never read as broken characters.
 */
class CharsetGateIT {

  @Test
  void noReplacementCharacterTheSourceDoesNotHold() throws Exception {
    Path corpus = Path.of(System.getProperty("dateline.shared", "../shared"), "corpus");
    Assumptions.assumeTrue(
        Files.isDirectory(corpus), "corpus not present at " + corpus.toAbsolutePath());
    FileParser parser = new FileParser(1L << 30, 5_000_000, 200_000_000);
    List<String> broken = new ArrayList<>();
    int textFiles = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      byte[] bytes = unpacked(file);
      if (!isText(bytes)) {
        continue; // PDF, Word, images: binary formats, not text in an encoding
      }
      textFiles++;
      if (sourceReplacements(bytes) > 0) {
        continue;
      }
      List<SourceDoc> docs;
      try {
        docs = parser.parse(file);
      } catch (ParseException e) {
        continue; // reported failures are another gate's business
      }
      for (SourceDoc d : docs) {
        if ((d.title() + d.text()).indexOf('\uFFFD') >= 0) {
          broken.add(corpus.relativize(file) + "#" + d.itemKey());
        }
      }
    }
    System.out.printf(
        "CharsetGateIT: %d text files checked, %d with U+FFFD%n", textFiles, broken.size());
    assertTrue(textFiles > 2500, "expected the whole corpus, got " + textFiles);
    assertEquals(List.of(), broken);
  }

  private static byte[] unpacked(Path file) throws IOException {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  /** Text in some encoding: no NUL byte (no UTF-16 here) and almost no other control bytes. */
  private static boolean isText(byte[] bytes) {
    int control = 0;
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c == 0) {
        return false;
      }
      if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
        control++;
      }
    }
    return control * 100 <= bytes.length;
  }

  /** U+FFFD the source itself holds: UTF-8 bytes or a character reference. */
  private static int sourceReplacements(byte[] bytes) {
    String latin = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int n = 0;
    for (String form : List.of("\u00EF\u00BF\u00BD", "&#65533;", "&#xfffd;")) {
      for (int i = latin.indexOf(form); i >= 0; i = latin.indexOf(form, i + 1)) {
        n++;
      }
    }
    return n;
  }
}
