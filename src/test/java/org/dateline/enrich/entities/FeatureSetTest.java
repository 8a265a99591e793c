package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The set hands its strings out in exactly the order {@code new HashSet<>(100)} iterates them. */
class FeatureSetTest {

  @Test
  void ordersAsAHashSetOfOneHundredForEverySizeAndRepeats() {
    Random random = new Random(20261206L);
    FeatureSet set = new FeatureSet();
    for (int round = 0; round < 2_000; round++) {
      int n = 1 + random.nextInt(round % 10 == 0 ? 900 : 120); // past 96, 192 and 384: resizes
      List<String> added = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // repeats, and strings with equal hashes ("Aa" and "BB")
        String s =
            random.nextInt(8) == 0 && !added.isEmpty()
                ? added.get(random.nextInt(added.size()))
                : (random.nextBoolean() ? "Aa" : "BB")
                    + Integer.toString(random.nextInt(5_000), 36)
                    + "-WORD|C";
        added.add(s);
      }
      Set<String> stock = new HashSet<>(100);
      set.clear();
      for (String s : added) {
        assertEquals(stock.add(s), set.add(s), s);
      }
      assertEquals(stock.size(), set.size());
      List<String> ordered = set.orderedLikeHashSet();
      if (ordered != null) { // null only where a bucket became a tree
        assertEquals(new ArrayList<>(stock), ordered, "round " + round);
      }
      for (String s : added) {
        assertTrue(set.contains(s));
      }
      assertFalse(set.contains("absent"));
    }
  }

  @Test
  void aBucketOfNineIsLeftToARealHashSet() {
    // nine strings in one bucket of 128: HashMap keeps that bucket as a tree, in another order
    List<String> same = new ArrayList<>();
    for (int i = 0; same.size() < 9; i++) {
      String s = "f" + i;
      int h = s.hashCode();
      if (((h ^ (h >>> 16)) & 127) == 5) {
        same.add(s);
      }
    }
    FeatureSet set = new FeatureSet();
    same.forEach(set::add);
    assertNull(set.orderedLikeHashSet());
    set.clear();
    same.subList(0, 8).forEach(set::add);
    assertEquals(new ArrayList<>(new HashSet<>(same.subList(0, 8))), set.orderedLikeHashSet());
  }
}
