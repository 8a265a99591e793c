package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.entities.CrossScript;
import org.dateline.enrich.entities.NameKey;
import org.dateline.index.Schema;

/**
 * A name's spellings in other scripts, as the archive prints them: "Baghouz" finds "الباغوز" and
 * "Асад" finds "Assad". Each word of the name is brought to its consonant key ({@link CrossScript}:
 * ICU's transliteration into Latin, then what transliterations agree on); the words of the index's
 * body in the other scripts (for a Latin name) or in Latin (for a name in another script) with the
 * same key are its spellings there, and a spelling of the name is a phrase of one such word for
 * each of its words. Keys must be equal word for word (a whole-name match within a fifth of the
 * letters, as the bench measures, would let two-letter keys of single words match too much); the
 * phrase then has to occur in an article for it to find anything.
 *
 * <p>The key of each body word is worked out once per index segment, when a search with variants
 * first needs it, and kept while the segment lives. Thread-safe.
 */
final class CrossScriptSpellings {

  /** At most this many spellings of one word are tried, the most frequent first. */
  static final int MAX_PER_WORD = 4;

  /** At most this many phrases are added for one name. */
  static final int MAX_PHRASES = 16;

  /** A name whose keys have fewer letters than this has no spelling in another script. */
  static final int MIN_KEY_LETTERS = 3;

  /** At most this many words make a name (a longer text is no name). */
  static final int MAX_WORDS = 4;

  /** One segment's body words by key: Latin words apart from the words of other scripts. */
  private record SegmentKeys(
      Map<String, Map<String, Integer>> latin, Map<String, Map<String, Integer>> other) {}

  private final Map<IndexReader.CacheKey, SegmentKeys> bySegment =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Phrases (quoted, ready for the query parser) that spell {@code name} in the scripts it is not
   * written in and occur in the index's words; empty when a word has no spelling there.
   */
  List<String> spellings(IndexReader reader, String name) throws IOException {
    List<String> words = NameKey.words(NameKey.of(name));
    if (words.isEmpty() || words.size() > MAX_WORDS) {
      return List.of();
    }
    int keyLetters = words.stream().mapToInt(w -> CrossScript.key(w).length()).sum();
    if (keyLetters < MIN_KEY_LETTERS) {
      return List.of(); // "Assad" alone is "sd": too many other words share it
    }
    List<List<String>> choices = new ArrayList<>();
    for (String word : words) {
      List<String> found = wordSpellings(reader, word);
      if (found.isEmpty()) {
        return List.of();
      }
      choices.add(found);
    }
    Set<String> phrases = new LinkedHashSet<>();
    combine(choices, 0, new ArrayList<>(), phrases);
    return List.copyOf(phrases);
  }

  private static void combine(
      List<List<String>> choices, int at, List<String> chosen, Set<String> out) {
    if (out.size() >= MAX_PHRASES) {
      return;
    }
    if (at == choices.size()) {
      out.add("\"" + String.join(" ", chosen) + "\"");
      return;
    }
    for (String w : choices.get(at)) {
      chosen.add(w);
      combine(choices, at + 1, chosen, out);
      chosen.remove(chosen.size() - 1);
    }
  }

  /** The index's words in the other scripts with the key of {@code word}, most frequent first. */
  private List<String> wordSpellings(IndexReader reader, String word) throws IOException {
    String key = CrossScript.key(word);
    if (key.isEmpty()) {
      return List.of();
    }
    boolean latin = isLatin(word);
    Map<String, Integer> counts = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SegmentKeys keys = keysOf(leaf);
      Map<String, Integer> found = (latin ? keys.other() : keys.latin()).get(key);
      if (found != null) {
        found.forEach((w, n) -> counts.merge(w, n, Integer::sum));
      }
    }
    String letters = letters(word);
    return counts.entrySet().stream()
        .filter(e -> alike(letters, letters(e.getKey())))
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_PER_WORD)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The word's Latin letters, vowels included, without a leading Arabic article: "الباغوز" is
   * "baghwz", "Baghouz" "baghouz".
   */
  private static String letters(String word) {
    String latin = CrossScript.latin(word).replaceAll("[^a-z]", "");
    return latin.length() > 4 && latin.startsWith("al") ? latin.substring(2) : latin;
  }

  /**
   * Whether two spellings with one key are also alike with their vowels: at most half the longer
   * one's letters apart. Keys alone let "box" and "backs" spell "Baghouz" ("bks" all three).
   */
  private static boolean alike(String a, String b) {
    return CrossScript.distance(a, b) * 2 <= Math.max(a.length(), b.length());
  }

  private SegmentKeys keysOf(LeafReaderContext leaf) throws IOException {
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    IndexReader.CacheKey id = helper == null ? null : helper.getKey();
    SegmentKeys keys = id == null ? null : bySegment.get(id);
    if (keys == null) {
      keys = read(leaf);
      if (id != null) {
        bySegment.put(id, keys);
      }
    }
    return keys;
  }

  private static SegmentKeys read(LeafReaderContext leaf) throws IOException {
    Map<String, Map<String, Integer>> latin = new HashMap<>();
    Map<String, Map<String, Integer>> other = new HashMap<>();
    Terms terms = leaf.reader().terms(Schema.BODY);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        String word = t.utf8ToString();
        if (!isName(word)) {
          continue;
        }
        String key = CrossScript.key(word);
        if (!key.isEmpty()) {
          (isLatin(word) ? latin : other)
              .computeIfAbsent(key, k -> new HashMap<>(2))
              .put(word, it.docFreq());
        }
      }
    }
    return new SegmentKeys(latin, other);
  }

  /** Letters only (of one script or another), two or more: what a word of a name can be. */
  private static boolean isName(String word) {
    return word.length() >= 2 && word.codePoints().allMatch(Character::isLetter);
  }

  private static boolean isLatin(String word) {
    return word.codePoints()
        .filter(Character::isLetter)
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
  }
}
