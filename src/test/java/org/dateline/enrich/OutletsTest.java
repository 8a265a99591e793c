package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutletsTest {

  private final Outlets outlets = Outlets.standard();

  @Test
  void knownDomainsAndBareHosts() {
    assertEquals(
        Optional.of("The Guardian"),
        outlets.fromUrl("https://www.theguardian.com/world/2019/feb/16/isis"));
    assertEquals(
        Optional.of("example-news.org"), outlets.fromUrl("https://www.example-news.org/a"));
    assertEquals(Optional.empty(), outlets.fromUrl("not a url"));
  }

  @Test
  void aliasesBecomeOneName() {
    assertEquals("The Guardian", outlets.canonical("the Guardian"));
    assertEquals("Middle East Monitor", outlets.canonical("MEMO"));
    assertEquals("Daily Planet", outlets.canonical("  Daily   Planet "));
  }

  @Test
  void taglineAndLayoutSignature() {
    assertEquals(
        "Middle East Monitor",
        outlets
            .fromText(List.of("Creating new perspectives since 2009", "Title"), "")
            .orElseThrow()
            .name());
    Outlets.Found guardian =
        outlets
            .fromText(List.of("Title"), "Title\nLast modified on Sat 16 Feb 2019 23.39 EST")
            .orElseThrow();
    assertEquals(new Outlets.Found("The Guardian", "text pattern"), guardian);
  }

  @Test
  void aKeyIsWhatThePatternMadeOfIt() {
    String alphabet = "aZ é1½-. \t\nİ'\u0301";
    String letter = new String(Character.toChars(0x1D400));
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = random.nextInt(10); j > 0; j--) {
        int k = random.nextInt(alphabet.length() + 1);
        sb.append(k == alphabet.length() ? letter : alphabet.substring(k, k + 1));
      }
      String s = sb.toString();
      assertEquals(
          s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip(),
          Outlets.key(s),
          s);
    }
  }
}
