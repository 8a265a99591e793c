package org.dateline.search.kwic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KwicFlattenTest {

  @Test
  void runsOfWhiteSpaceBecomeOneSpace() {
    assertEquals("oil prices rose", Kwic.flatten("oil \n\n prices\t\trose"));
    assertEquals(" a b ", Kwic.flatten("\r\na \u000B\fb\n"));
    String plain = "already one line";
    assertSame(plain, Kwic.flatten(plain), "nothing to change: no copy");
  }

  @Test
  void sameAsTheRegexItReplacesOnRandomText() {
    Random rnd = new Random(7);
    char[] alphabet = {'a', 'b', ' ', ' ', '\n', '\t', '\r', '\f', '\u000B', '\u00A0', 'é'};
    for (int round = 0; round < 5_000; round++) {
      char[] s = new char[rnd.nextInt(30)];
      for (int i = 0; i < s.length; i++) {
        s[i] = alphabet[rnd.nextInt(alphabet.length)];
      }
      String text = new String(s);
      assertEquals(text.replaceAll("\\s+", " "), Kwic.flatten(text), text);
    }
  }
}
