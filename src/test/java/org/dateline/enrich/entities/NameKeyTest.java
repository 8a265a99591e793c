package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The folded name key: its rules, and the ASCII path held to the rules written as patterns. */
class NameKeyTest {

  @Test
  void foldsCaseStopsParticlesPossessivesAndALeadingThe() {
    assertEquals("abu bakr baghdadi", NameKey.of("Abu Bakr Al-Baghdadi"));
    assertEquals("abu bakr baghdadi", NameKey.of("Abu Bakr al Baghdadi"));
    assertEquals("us", NameKey.of("U.S."));
    assertEquals("reuters", NameKey.of("Reuters's"));
    assertEquals("o neil bar", NameKey.of("O'Neil's Bar"));
    assertEquals("beatles", NameKey.of("The Beatles"));
    assertEquals("the", NameKey.of("the"));
    assertEquals("al", NameKey.of("Al"));
    assertEquals("ab s cd", NameKey.of("ab's_cd"));
    assertEquals("", NameKey.of(" .-' "));
    assertEquals("jose manuel", NameKey.of("José Manuel"));
    assertEquals("muller", NameKey.of("Müller’s"));
  }

  @Test
  void theAsciiPathGivesThePatternsKeyForEveryAsciiName() {
    List<String> names =
        List.of(
            "Merrill Lynch and Co Inc",
            "the New York Times",
            "Moody's Investors Service",
            "McDonald`s",
            "AT&T",
            "J.P. Morgan",
            "Sheikh Ahmed al-Sabah",
            "Al Ahram",
            "'s",
            "x's's",
            "A_b's",
            "S's",
            "");
    for (String name : names) {
      assertEquals(NameKey.ofAnyScript(name), NameKey.ofAscii(name), name);
    }
    String alphabet = "aAsStTeEhHlL0' `._-&\t";
    SplittableRandom random = new SplittableRandom(20);
    for (int i = 0; i < 200_000; i++) {
      char[] chars = new char[random.nextInt(12)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String name = new String(chars);
      assertEquals(NameKey.ofAnyScript(name), NameKey.ofAscii(name), name);
    }
  }
}
