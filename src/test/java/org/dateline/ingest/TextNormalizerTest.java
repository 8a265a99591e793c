package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-pass normaliser: golden cases, and agreement with the rules written as regexes. */
class TextNormalizerTest {

  @Test
  void goldenCases() {
    assertEquals("", TextNormalizer.normalize(null));
    assertEquals("a\n\nb", TextNormalizer.normalize("a\r\n\r\n\r\n\r\nb"));
    assertEquals("a\nb", TextNormalizer.normalize("a\rb"));
    assertEquals("Deir ez-Zor", TextNormalizer.normalize("Deir\u00A0ez-Zor"));
    assertEquals("caf\u00E9", TextNormalizer.normalize("cafe\u0301")); // NFC
    assertEquals("one\ntwo", TextNormalizer.normalize("\uFEFFone \t\u00A0\ntwo\u200B  "));
    assertEquals("a\n\nb", TextNormalizer.normalize("a  \n \t \n\u0007\n \nb"));
    assertEquals("a\n\n  b", TextNormalizer.normalize("a\n\n\n  b"));
    assertEquals("tab\tinside", TextNormalizer.normalize("tab\tinside\u0000"));
  }

  /** The rules as the regex passes they were first written as (the reference). */
  private static String reference(String raw) {
    String s = raw.replace("\r\n", "\n").replace('\r', '\n');
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    s = Pattern.compile("[\\u00A0\\u2007\\u202F]").matcher(s).replaceAll(" ");
    s = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\uFEFF\\u200B]").matcher(s).replaceAll("");
    s = Pattern.compile("[ \\t\\u00A0]+(?=\\n|$)").matcher(s).replaceAll("");
    s = Pattern.compile("\\n{3,}").matcher(s).replaceAll("\n\n");
    return s.strip();
  }

  @Test
  void agreesWithTheRegexRulesOnRandomAwkwardText() {
    char[] alphabet = {
      'a', 'b', ' ', ' ', '\t', '\n', '\n', '\r', '\u00A0', '\u2007', '\u202F', '\u0000', '\u0007',
      '\u0085', '\uFEFF', '\u200B', 'e', '\u0301', '\u00E9', '.'
    };
    Random random = new Random(20261130);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(30);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String raw = sb.toString();
      assertEquals(
          reference(raw),
          TextNormalizer.normalize(raw),
          () -> "input: " + raw.chars().mapToObj(c -> String.format("U+%04X", c)).toList());
    }
  }
}
