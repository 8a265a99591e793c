package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The listed names are found where the alternation of them all as one pattern (how they were found
 * before) finds them: the same places, the same name at each, within the same limit.
 */
class ListedNamesTest {

  @Test
  void findsWhatTheAlternationFinds() {
    Set<String> unique = new LinkedHashSet<>();
    for (Registry.Merge m : Registry.shipped().merge()) {
      List<String> all = new ArrayList<>(m.variants());
      all.add(m.canonical());
      for (String n : all) {
        if (n.length() >= 2 && Character.isUpperCase(n.charAt(0))) {
          unique.add(n);
        }
      }
    }
    // (no name beyond the BMP: with one, the pattern would read the char before it as a code point)
    unique.addAll(List.of("IS", "ISIS", "Islamic State", "Ab", "Ab Cd", "Ét"));
    List<String> names = new ArrayList<>(unique);
    names.sort(Comparator.comparingInt(String::length).reversed());
    Pattern alternation =
        Pattern.compile(
            "(?=\\p{Lu})(?<![\\p{L}\\p{N}])(?:"
                + String.join("|", names.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}])");
    ListedNames listed = new ListedNames(names);

    List<String> pieces = new ArrayList<>(names.subList(0, Math.min(names.size(), 200)));
    pieces.addAll(List.of(" ", "s", "1", "-", ".", "\n", "Ab", "ISIS", "\uD835\uDC00", "É", "x"));
    SplittableRandom random = new SplittableRandom(7);
    int found = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = random.nextInt(8); j > 0; j--) {
        sb.append(pieces.get(random.nextInt(pieces.size())));
      }
      String text = sb.toString();
      int limit = random.nextInt(text.length() + 1);
      List<String> expected = new ArrayList<>();
      Matcher m = alternation.matcher(text).region(0, limit).useTransparentBounds(true);
      while (m.find()) {
        expected.add(m.start() + "-" + m.end());
      }
      List<String> actual = new ArrayList<>();
      for (int[] f = listed.find(text, 0, limit); f != null; f = listed.find(text, f[1], limit)) {
        actual.add(f[0] + "-" + f[1]);
      }
      assertEquals(expected, actual, text + " / " + limit);
      found += actual.size();
    }
    assertEquals(true, found > 10_000, "the generated texts hold names: " + found);
  }
}
