package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMultimapTest {

  private static List<Integer> valuesOf(LongIntMultimap m, long key) {
    List<Integer> out = new ArrayList<>();
    for (int e = m.first(key); e >= 0; e = m.next(e)) {
      out.add(m.value(e));
    }
    return out;
  }

  @Test
  void keepsEachKeysValuesInOrderThroughGrowthLikeAMapOfLists() {
    LongIntMultimap m = new LongIntMultimap();
    Map<Long, List<Integer>> expected = new LinkedHashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      // few distinct keys at first (long chains), then mostly new ones (table growth); 0 included
      long key = i < 1_000 ? random.nextInt(10) : random.nextLong() >>> random.nextInt(64);
      m.put(key, i);
      expected.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<Long, List<Integer>> e : expected.entrySet()) {
      assertEquals(e.getValue(), valuesOf(m, e.getKey()), "key " + e.getKey());
    }
    assertEquals(List.of(), valuesOf(m, 0x5DEECE66DL * 3));
  }

  @Test
  void clearForgetsEverything() {
    LongIntMultimap m = new LongIntMultimap();
    for (int i = 0; i < 1_000; i++) {
      m.put(i % 3, i);
    }
    m.clear();
    assertEquals(List.of(), valuesOf(m, 1));
    m.put(1, 42);
    assertEquals(List.of(42), valuesOf(m, 1));
  }
}
