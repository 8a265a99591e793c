package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Did you mean"'s own spelling search answers exactly as Lucene's DirectSpellChecker does (same
 * words, same order, same scores and counts, the same cases with none), on a real index of Reuters
 * stories and the multilingual seeds: for thousands of words made by editing the archive's own
 * words at random (and some taken as they are, rare ones included), upper case, one and two edits,
 * both modes and several answer sizes. The edit distance itself agrees with Lucene's Levenshtein
 * automata (with transpositions) on every pair of short random strings tried.
 */
class NearSpellingsTest {

  @TempDir Path index;

  @Test
  void sameAnswersAsDirectSpellChecker() throws IOException {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "../shared/corpus/reuters21578 is absent: skipped");
    TestIndexes.index(
        index,
        false,
        corpus.resolve("sgm/reut2-000.sgm"),
        corpus.resolve("sgm/reut2-001.sgm"),
        TestIndexes.SEEDS);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      List<String> vocabulary = new ArrayList<>();
      TermsEnum terms = MultiTerms.getTerms(reader, Schema.BODY).iterator();
      for (BytesRef t = terms.next(); t != null; t = terms.next()) {
        vocabulary.add(t.utf8ToString());
      }
      assertTrue(vocabulary.size() > 10_000, "vocabulary " + vocabulary.size());
      Random random = new Random(20);
      int compared = 0;
      int answered = 0;
      int twoEdits = 0; // answers that two edits change
      for (int i = 0; i < 3_000; i++) {
        String word = vocabulary.get(random.nextInt(vocabulary.size()));
        int edits = random.nextInt(4); // 0: the archive's word as it is
        for (int e = 0; e < edits; e++) {
          word = edit(word, random, vocabulary);
        }
        if (random.nextInt(10) == 0) {
          word = word.toUpperCase(java.util.Locale.ROOT);
        }
        for (int maxEdits = 1; maxEdits <= 2; maxEdits++) {
          for (boolean morePopular : new boolean[] {false, true}) {
            int wanted =
                switch (i % 4) {
                  case 0 -> 1;
                  case 1, 2 -> 3;
                  default -> 10;
                };
            List<String> expected = lucene(reader, word, wanted, maxEdits, morePopular);
            List<String> actual = ours(reader, word, wanted, maxEdits, morePopular);
            assertEquals(
                expected,
                actual,
                word + " maxEdits " + maxEdits + " morePopular " + morePopular + " n " + wanted);
            compared++;
            if (!expected.isEmpty()) {
              answered++;
              if (maxEdits == 2 && !expected.equals(lucene(reader, word, wanted, 1, morePopular))) {
                twoEdits++;
              }
            }
          }
        }
      }
      assertTrue(answered > compared / 4, answered + " of " + compared + " answered");
      assertTrue(twoEdits > 100, twoEdits + " answers changed by two edits");
    }
  }

  @Test
  void distanceIsWhatLevenshteinAutomataWithTranspositionsAccept() {
    Random random = new Random(7);
    String alphabet = "abcé";
    for (int i = 0; i < 20_000; i++) {
      int[] a = randomWord(random, alphabet, 6);
      int[] b = randomWord(random, alphabet, 8);
      int d = NearSpellings.distance(a, b);
      for (int k = 1; k <= 2; k++) {
        CharacterRunAutomaton within =
            new CharacterRunAutomaton(
                new LevenshteinAutomata(a, Character.MAX_CODE_POINT, true).toAutomaton(k));
        assertEquals(
            within.run(new String(b, 0, b.length)),
            d <= k,
            new String(a, 0, a.length) + " / " + new String(b, 0, b.length) + " distance " + d);
      }
    }
  }

  private static int[] randomWord(Random random, String alphabet, int max) {
    int n = random.nextInt(max + 1);
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = alphabet.codePointAt(random.nextInt(alphabet.length()));
    }
    return w;
  }

  /** One random edit: a letter inserted, removed, replaced or swapped with its neighbour. */
  private static String edit(String word, Random random, List<String> vocabulary) {
    int[] w = word.codePoints().toArray();
    if (w.length == 0) {
      return word;
    }
    String donor = vocabulary.get(random.nextInt(vocabulary.size()));
    int letter = donor.isEmpty() ? 'e' : donor.codePointAt(0);
    int at = random.nextInt(w.length);
    List<Integer> out = new ArrayList<>();
    for (int c : w) {
      out.add(c);
    }
    switch (random.nextInt(4)) {
      case 0 -> out.add(at, letter);
      case 1 -> out.remove(at);
      case 2 -> out.set(at, letter);
      default -> {
        if (at + 1 < out.size()) {
          out.set(at, w[at + 1]);
          out.set(at + 1, w[at]);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    out.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static List<String> lucene(
      IndexReader reader, String word, int wanted, int maxEdits, boolean morePopular)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    SuggestWord[] words =
        checker.suggestSimilar(
            new Term(Schema.BODY, word),
            wanted,
            reader,
            morePopular ? SuggestMode.SUGGEST_MORE_POPULAR : SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    List<String> out = new ArrayList<>();
    for (SuggestWord s : words) {
      out.add(s.string + " " + s.score + " " + s.freq);
    }
    return out;
  }

  private static List<String> ours(
      IndexReader reader, String word, int wanted, int maxEdits, boolean morePopular)
      throws IOException {
    List<String> out = new ArrayList<>();
    for (NearSpellings.Word s :
        NearSpellings.of(reader, Schema.BODY, word, wanted, maxEdits, morePopular)) {
      out.add(s.text() + " " + s.score() + " " + s.docFreq());
    }
    return out;
  }
}
