package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Features given as (hash, index) come back as the indices of the same strings in {@code new
 * HashSet<>(100)}'s order, repeats dropped (also repeats spelled by different sources), unknown
 * features left out.
 */
class OrderedFeaturesTest {

  /** Spells argument i as the i-th string of a list. */
  private record Strings(List<String> all) implements FeatureSpelling {
    @Override
    public String spell(int arg) {
      return all.get(arg);
    }
  }

  @Test
  void indicesInHashSetOrderForEverySizeRepeatsAndCollisions() {
    Random random = new Random(20261206L);
    OrderedFeatures out = new OrderedFeatures();
    for (int round = 0; round < 2_000; round++) {
      int n = 1 + random.nextInt(round % 10 == 0 ? 900 : 120);
      List<String> added = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String s =
            random.nextInt(8) == 0 && !added.isEmpty()
                ? new String(added.get(random.nextInt(added.size()))) // a repeat, another object
                : (random.nextBoolean() ? "Aa" : "BB") // "Aa" and "BB" share a hash
                    + Integer.toString(random.nextInt(5_000), 36)
                    + "-WORD|C";
        added.add(s);
      }
      // the model knows about half of the strings, each by its own index
      Map<String, Integer> model = new HashMap<>();
      for (String s : added) {
        if (Math.floorMod(s.hashCode(), 2) == 0) {
          model.putIfAbsent(s, model.size());
        }
      }
      // two sources spell the same strings: a repeat from the other one is still a repeat
      Strings first = new Strings(added);
      Strings second = new Strings(added);
      out.clear();
      for (int i = 0; i < added.size(); i++) {
        String s = added.get(i);
        out.add(s.hashCode(), model.getOrDefault(s, -1), i % 3 == 0 ? second : first, i);
      }
      Set<String> stock = new HashSet<>(100);
      stock.addAll(added);
      assertEquals(stock.size(), out.size());
      int[] ordered = out.orderedIndices();
      if (ordered != null) { // null only where a bucket became a tree
        assertArrayEquals(
            stock.stream().filter(model::containsKey).mapToInt(model::get).toArray(),
            ordered,
            "round " + round);
      }
    }
  }

  @Test
  void aBucketOfNineIsLeftToTheCaller() {
    List<String> same = new ArrayList<>();
    for (int i = 0; same.size() < 9; i++) {
      String s = "f" + i;
      int h = s.hashCode();
      if (((h ^ (h >>> 16)) & 127) == 5) {
        same.add(s);
      }
    }
    OrderedFeatures out = new OrderedFeatures();
    Strings spell = new Strings(same);
    for (int i = 0; i < 9; i++) {
      out.add(same.get(i).hashCode(), i, spell, i);
    }
    assertNull(out.orderedIndices());
    out.clear();
    for (int i = 0; i < 8; i++) {
      out.add(same.get(i).hashCode(), i, spell, i);
    }
    int[] expected = new HashSet<>(same.subList(0, 8)).stream().mapToInt(same::indexOf).toArray();
    assertArrayEquals(expected, out.orderedIndices());
  }
}
