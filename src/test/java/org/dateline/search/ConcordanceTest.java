package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The concordance over the seed index: every match, in order, sorted like a concordancer. */
class ConcordanceTest {

  @TempDir static Path dir;
  static SearchService search;

  @BeforeAll
  static void open() throws IOException {
    search = TestIndexes.seedsSearch(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void everyMatchOfEveryHitIsALine() throws IOException {
    // grep -o Baghouz seeds/*: 2 + 3 + 7 + 5 (the Guardian spells it Baghuz).
    Concordance.Result r =
        Concordance.collect(
            search, SearchRequest.of("Baghouz"), Concordance.Order.HITS, Concordance.DEFAULT_LIMIT);
    assertEquals(4, r.hits());
    assertEquals(17, r.lines().size());
    assertFalse(r.truncated());
    assertTrue(r.lines().stream().allMatch(l -> l.match().equals("Baghouz")), r.lines().toString());
    // Far more than the 3 KWIC lines a search hit carries by default.
    long perHitMax =
        r.lines().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    ConcordanceLine::id, java.util.stream.Collectors.counting()))
            .values()
            .stream()
            .mapToLong(Long::longValue)
            .max()
            .orElse(0);
    assertTrue(perHitMax > SearchRequest.DEFAULT_KWIC_LINES, "max per hit " + perHitMax);
  }

  @Test
  void sortsByTheWordLeftOrRightOfTheMatch() throws IOException {
    SearchRequest q = SearchRequest.of("Baghouz");
    List<ConcordanceLine> left =
        Concordance.collect(search, q, Concordance.Order.LEFT, 1000).lines();
    List<String> keys = new ArrayList<>();
    for (ConcordanceLine l : left) {
      keys.add(Concordance.sortKey(l.left(), true));
    }
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertEquals(sorted, keys);
    // The nearest word decides first: "in Baghouz" lines come together, after "from Baghouz".
    assertEquals("from", firstWord(left.get(indexOfFirst(keys, "from")).left(), true));
    List<ConcordanceLine> right =
        Concordance.collect(search, q, Concordance.Order.RIGHT, 1000).lines();
    String previous = "";
    for (ConcordanceLine l : right) {
      String key = Concordance.sortKey(l.right(), false);
      assertTrue(previous.compareTo(key) <= 0, previous + " > " + key);
      previous = key;
    }
  }

  @Test
  void limitCutsAndSaysSo() throws IOException {
    Concordance.Result r =
        Concordance.collect(search, SearchRequest.of("Baghouz"), Concordance.Order.HITS, 5);
    assertEquals(5, r.lines().size());
    assertTrue(r.truncated());
    assertThrows(
        BadRequestException.class,
        () -> Concordance.collect(search, SearchRequest.of("Baghouz"), Concordance.Order.HITS, 0));
  }

  @Test
  void sortKeyReadsOutwardAndIgnoresPunctuation() {
    assertEquals("the\u0001near\u0001fighting", Concordance.sortKey("fighting near “the ", true));
    assertEquals("pocket\u0001of", Concordance.sortKey(" pocket”, of", false));
    assertEquals("", Concordance.sortKey("", true));
  }

  private static int indexOfFirst(List<String> keys, String prefix) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line with '" + prefix + "' before the match: " + keys);
  }

  private static String firstWord(String context, boolean left) {
    String[] words = context.strip().split("\\s+");
    return left ? words[words.length - 1] : words[0];
  }
}
