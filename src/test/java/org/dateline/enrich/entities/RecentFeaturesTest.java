package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The memo in front of the feature table answers as the table, whatever was asked before. */
class RecentFeaturesTest {

  @Test
  void answersAsTheIndexWhenStringsShareSlotsAndHashes() {
    List<String> features = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      features.add(String.format(Locale.ROOT, "w%d-WORD", i));
    }
    features.add("Aa"); // "Aa" and "BB" have the same String hash: one slot, two answers
    Index<String> stock = new HashIndex<>(features);
    FeatureTable table = new FeatureTable(stock);
    Random random = new Random(13);
    for (int round = 0; round < 400_000; round++) {
      int i = random.nextInt(60_000); // a sixth of them absent from the index
      String asked = String.format(Locale.ROOT, "w%d-WORD", i); // a fresh string each time
      assertEquals(stock.indexOf(asked), table.indexOf(asked), asked);
      String twin = (round & 1) == 0 ? "Aa" : "BB";
      assertEquals(stock.indexOf(twin), table.indexOf(new String(twin)), twin);
    }
    assertEquals(stock.indexOf("Aa"), table.indexOf("Aa"));
    assertEquals(-1, table.indexOf("BB"));
  }

  @Test
  void eachThreadHasItsOwnMemoAndTheSameAnswers() throws Exception {
    List<String> features = List.of("a", "b", "c-WORD", "d-TYPE");
    FeatureTable table = new FeatureTable(new HashIndex<>(features));
    List<Thread> threads = new ArrayList<>();
    int[] wrong = new int[4];
    for (int t = 0; t < 4; t++) {
      int me = t;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int round = 0; round < 100_000; round++) {
                      int i = (round + me) % 5;
                      int want = i < features.size() ? i : -1;
                      String asked = i < features.size() ? features.get(i) : "e";
                      if (table.indexOf(asked) != want) {
                        wrong[me]++;
                      }
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(0, 0, 0, 0), List.of(wrong[0], wrong[1], wrong[2], wrong[3]));
  }
}
