package org.dateline.enrich.story;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The hashes of the names and numbers a text prints and of its whole vocabulary: what {@link
 * SameNames} compares. Read from the text once, when first asked, and only then: a pair reaches the
 * names test only where its wording alone cannot decide (a coverage join, a Jaccard join that is no
 * containment join, see {@link CopyRule}), which most articles and candidates never do. Reading
 * them for every article at ingest was half of its fingerprint's cost (session 15). Until then the
 * stripped text is held (an article's own fingerprint, kept among the recent copies until a reader
 * sees it: about the size of its text), and its folded words when given (a candidate's, which lives
 * for one lookup). Thread-safe: reading twice at once gives equal arrays.
 */
public final class NameHashes {

  /** No names, no numbers, no vocabulary. */
  static final NameHashes NONE =
      new NameHashes(
          new long[0],
          new long[0],
          new long[0],
          new Amounts(
              new long[0],
              new long[0],
              new long[0],
              new ParagraphEnds(new String[0], 0),
              new long[0]));

  private final ToLongFunction<String> hash;
  private String stripped;
  private List<String> words;
  private volatile Read read;

  /** The three sorted arrays and the amounts, read. */
  private record Read(long[] numbers, long[] names, long[] vocabulary, Amounts amounts) {}

  private NameHashes(long[] numbers, long[] names, long[] vocabulary, Amounts amounts) {
    this.hash = null;
    this.read = new Read(numbers, names, vocabulary, amounts);
  }

  private NameHashes(String stripped, List<String> words, ToLongFunction<String> hash) {
    this.stripped = stripped;
    this.words = words;
    this.hash = hash;
  }

  /**
   * The hashes of {@code stripped} (its wrapping taken off) with folded words {@code words} (null:
   * folded again from {@code stripped} when asked, {@link StoryText#tokens}), read when first
   * asked.
   */
  static NameHashes whenAsked(String stripped, List<String> words, ToLongFunction<String> hash) {
    return new NameHashes(stripped, words, hash);
  }

  long[] numbers() {
    return read().numbers;
  }

  long[] names() {
    return read().names;
  }

  long[] vocabulary() {
    return read().vocabulary;
  }

  Amounts amounts() {
    return read().amounts;
  }

  private Read read() {
    Read r = read;
    if (r == null) {
      synchronized (this) {
        r = read;
        if (r == null) {
          r = readFrom(stripped, words != null ? words : StoryText.tokens(stripped));
          read = r;
          stripped = null; // the text is not needed any more
          words = null;
        }
      }
    }
    return r;
  }

  private Read readFrom(String text, List<String> textWords) {
    Names.Found found = Names.of(text);
    Set<String> all = found.all();
    all.addAll(textWords);
    Amounts amounts = Amounts.of(text, textWords.size(), hash);
    // The vocabulary holds the other forms this text's amounts may be printed in (Amounts).
    long[] vocabulary =
        java.util.stream.LongStream.concat(
                Arrays.stream(hashes(all)), Arrays.stream(amounts.forms()))
            .sorted()
            .distinct()
            .toArray();
    return new Read(hashes(found.numbers()), hashes(found.names()), vocabulary, amounts);
  }

  private long[] hashes(Collection<String> strings) {
    return strings.stream().mapToLong(hash).sorted().distinct().toArray();
  }
}
