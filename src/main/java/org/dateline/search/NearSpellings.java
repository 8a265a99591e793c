package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * The words of a field that are a couple of edits from a misspelt one, chosen and ordered exactly
 * as Lucene's {@code DirectSpellChecker} chooses them with its defaults (and the edits given), but
 * found by one walk of the terms dictionary instead of two passes that each build Levenshtein
 * automata (what made "did you mean" a third of a rare word's search).
 *
 * <p>What is chosen, as {@code DirectSpellChecker} does it: nothing for a word of fewer than four
 * letters, one already in the field when only missing words are corrected, or one in more than 1 %
 * of the documents. The candidates share the word's first letter and are at most the given number
 * of edits from it, counting an insertion, a deletion, a substitution or a swap of two neighbours
 * as one edit (the restricted Damerau-Levenshtein distance, which Lucene's automata with
 * transpositions accept), are not the word itself, are in more documents than the word when only
 * more popular words are offered (else in any), and are similar enough: {@code 1 - edits / letters
 * of the shorter} at least 0.5, in float arithmetic. Of them the 15 most similar are kept (ties:
 * the smaller term, in bytes), ordered by similarity, then documents, then text, and cut to the
 * number wanted. (DirectSpellChecker first keeps the 15 most similar within one edit, and only when
 * fewer adds the 15 most similar within two: the same terms, since for a word of four letters or
 * more any term one edit away is more similar than every term two away.)
 *
 * <p>The one walk, per segment: the terms with the word's first letter are read in order, each
 * against the rows of the edit-distance table (only the band within reach of the diagonal) that it
 * shares with the previous term. Once a term's first letters are more edits away than allowed (a
 * row's least value never falls as letters are added), every term beginning so is out of reach: the
 * walk reads on a couple of terms, then seeks to the next letter that keeps that beginning within
 * reach (any letter, or only the word's own letters near that place), or up a letter when none. A
 * word's document count is summed over the segments, as a merged dictionary gives it.
 */
final class NearSpellings {

  /** A suggested word: its text, its similarity to the word asked about, its document count. */
  record Word(String text, float score, int docFreq) {}

  // DirectSpellChecker's defaults.
  private static final int MIN_PREFIX = 1;
  private static final int MAX_INSPECTIONS = 5;
  private static final float ACCURACY = 0.5f;
  private static final int MIN_QUERY_LENGTH = 4;
  private static final float MAX_QUERY_FREQUENCY = 0.01f;

  /** Terms read on inside a dead prefix before seeking past it. */
  private static final int READ_ON = 2;

  /** Orders the answer: most similar, then most documents, then text. */
  private static final Comparator<Word> ANSWER =
      Comparator.comparing(Word::score, Comparator.reverseOrder())
          .thenComparing(Word::docFreq, Comparator.reverseOrder())
          .thenComparing(Word::text);

  private NearSpellings() {}

  /**
   * Up to {@code wanted} words of {@code field} within {@code maxEdits} (1 or 2) of {@code text}:
   * only more popular words when {@code morePopular}, else only when {@code text} is missing.
   */
  static List<Word> of(
      IndexReader reader, String field, String text, int wanted, int maxEdits, boolean morePopular)
      throws IOException {
    if (maxEdits < 1 || maxEdits > 2) {
      throw new IllegalArgumentException("maxEdits must be 1 or 2: " + maxEdits);
    }
    if (text.codePointCount(0, text.length()) < MIN_QUERY_LENGTH) {
      return List.of();
    }
    String word = text.toLowerCase(Locale.ROOT);
    int docFreq = reader.docFreq(new Term(field, word));
    if (!morePopular && docFreq > 0) {
      return List.of();
    }
    if (docFreq > (int) Math.ceil(MAX_QUERY_FREQUENCY * (float) reader.maxDoc())) {
      return List.of();
    }
    // Each segment's dictionary is walked on its own (cheaper than one merged walk), and a word's
    // document count is the sum of its counts in the segments, as in a merged dictionary.
    Walk walk = new Walk(word, maxEdits);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms != null) {
        walk.run(terms.iterator());
      }
    }
    int minDocFreq = morePopular ? docFreq : 0;
    List<Candidate> found = new ArrayList<>(walk.found.size());
    for (Candidate c : walk.found.values()) {
      if (c.docFreq > minDocFreq) {
        found.add(c);
      }
    }
    // DirectSpellChecker's two passes (the 15 most similar within one edit, then, when fewer,
    // within two, merged) keep what one pass within two edits keeps: for a word of n >= 4 letters
    // a term one edit away is more similar than every term two away (1 - 1/(n-1) > 1 - 2/n).
    // The most similar first, ties to the smaller term (terms arrive in order, and a later one no
    // more similar than the worst kept is not kept).
    found.sort(
        Comparator.comparing((Candidate c) -> c.score, Comparator.reverseOrder())
            .thenComparing(c -> c.term));
    int inspections = wanted * MAX_INSPECTIONS;
    List<Word> out = new ArrayList<>(Math.min(found.size(), inspections));
    for (Candidate c : found.subList(0, Math.min(found.size(), inspections))) {
      out.add(new Word(c.term.utf8ToString(), c.score, c.docFreq));
    }
    out.sort(ANSWER);
    return out.size() > wanted ? List.copyOf(out.subList(0, wanted)) : out;
  }

  /** A term near enough, and its document count so far. */
  private static final class Candidate {
    final BytesRef term;
    final float score;
    int docFreq;

    Candidate(BytesRef term, float score, int docFreq) {
      this.term = term;
      this.score = score;
      this.docFreq = docFreq;
    }
  }

  /** The walk of the terms that begin as the word does. */
  private static final class Walk {
    private final int[] word; // the word's letters after the shared prefix
    private final int wordLength; // all its letters
    private final BytesRef wordBytes;
    private final BytesRef prefix;
    private final int maxEdits;
    // rows[i][j]: edits between the term's first i letters after the prefix and the word's first j
    private final int[][] rows;
    private int[] letters = new int[16];
    private int[] letterEnds = new int[16]; // byte offset after each letter, from the term's start
    private int deadDepth; // letters of the last term visited that put it out of reach
    private int valid; // rows computed for the previous term's first `valid` letters
    private final Map<BytesRef, Candidate> found = new HashMap<>();

    Walk(String word, int maxEdits) {
      int[] all = word.codePoints().toArray();
      int prefixLength = Math.min(MIN_PREFIX, all.length);
      this.wordLength = all.length;
      this.word = java.util.Arrays.copyOfRange(all, prefixLength, all.length);
      this.wordBytes = new BytesRef(word);
      this.prefix = new BytesRef(new String(all, 0, prefixLength));
      this.maxEdits = maxEdits;
      int m = this.word.length;
      // deeper than m + maxEdits letters every row is dead (its minimum is at least depth - m)
      this.rows = new int[m + maxEdits + 2][m + 1];
      for (int j = 0; j <= m; j++) {
        rows[0][j] = Math.min(j, maxEdits + 1);
      }
    }

    void run(TermsEnum terms) throws IOException {
      valid = 0;
      if (terms.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        return;
      }
      BytesRef term = terms.term();
      BytesRefBuilder dead = new BytesRefBuilder();
      while (term != null && startsWith(term, prefix)) {
        int deadBytes = visit(term, terms);
        if (deadBytes < 0) {
          term = terms.next();
          continue;
        }
        dead.copyBytes(term.bytes, term.offset, deadBytes);
        BytesRef deadPrefix = dead.get();
        int read = 0;
        while (read++ < READ_ON && (term = terms.next()) != null && startsWith(term, deadPrefix)) {
          // reading on is cheaper than a seek while the terms under a dead prefix are few
        }
        if (read > READ_ON) {
          term = seekNext(terms, deadDepth, dead) ? terms.term() : null;
        }
      }
      valid = 0;
    }

    /**
     * Seeks to the first term after the current one that can still be within reach, judged by its
     * letters up to {@code depth} (the current term's first {@code depth} letters are out of
     * reach): the next letter at that depth that keeps it within reach, else the next at the depth
     * above, and so on. False when no term with the prefix can follow.
     */
    private boolean seekNext(TermsEnum terms, int depth, BytesRefBuilder target)
        throws IOException {
      int level = depth;
      int current = letters[level - 1];
      while (true) {
        int next = nextLetter(level, current);
        if (next >= 0) {
          target.clear();
          target.append(prefix);
          for (int i = 0; i < level - 1; i++) {
            appendUtf8(target, letters[i]);
          }
          appendUtf8(target, next);
          valid = Math.min(valid, level - 1);
          return terms.seekCeil(target.get()) != TermsEnum.SeekStatus.END;
        }
        level--;
        if (level == 0) {
          return false;
        }
        current = letters[level - 1];
      }
    }

    /** The smallest letter after {@code after} at {@code depth} within reach, or -1. */
    private int nextLetter(int depth, int after) {
      if (rowMin(depth, -1) <= maxEdits) {
        // a letter the word does not hold is within reach, so every letter is
        int next = after + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
          next = Character.MAX_SURROGATE + 1;
        }
        return next <= Character.MAX_CODE_POINT ? next : -1;
      }
      // else only a letter of the word near this depth can be
      int best = -1;
      int from = Math.max(0, depth - maxEdits - 2);
      int to = Math.min(word.length - 1, depth + maxEdits - 1);
      for (int j = from; j <= to; j++) {
        int c = word[j];
        if (c > after && (best < 0 || c < best) && rowMin(depth, c) <= maxEdits) {
          best = c;
        }
      }
      return best;
    }

    /** The least value of the row at {@code depth} for {@code letter} (-1: none of the word's). */
    private int rowMin(int depth, int letter) {
      int m = word.length;
      int k = maxEdits;
      int beyond = k + 1;
      int lo = Math.max(1, depth - k);
      int hi = Math.min(m, depth + k);
      if (depth >= rows.length || lo > hi) {
        return beyond;
      }
      int[] up = rows[depth - 1];
      int[] upUp = depth > 1 ? rows[depth - 2] : null;
      int before = depth > 1 ? letters[depth - 2] : -1;
      int left = lo == 1 ? depth : beyond;
      int min = left;
      for (int j = lo; j <= hi; j++) {
        int d = Math.min(up[j], left) + 1;
        int sub = up[j - 1] + (letter == word[j - 1] ? 0 : 1);
        if (sub < d) {
          d = sub;
        }
        if (j > 1 && upUp != null && letter == word[j - 2] && before == word[j - 1]) {
          d = Math.min(d, upUp[j - 2] + 1);
        }
        left = d;
        min = Math.min(min, d);
      }
      return min;
    }

    private static void appendUtf8(BytesRefBuilder out, int cp) {
      if (cp < 0x80) {
        out.append((byte) cp);
      } else if (cp < 0x800) {
        out.append((byte) (0xc0 | (cp >> 6)));
        out.append((byte) (0x80 | (cp & 0x3f)));
      } else if (cp < 0x10000) {
        out.append((byte) (0xe0 | (cp >> 12)));
        out.append((byte) (0x80 | ((cp >> 6) & 0x3f)));
        out.append((byte) (0x80 | (cp & 0x3f)));
      } else {
        out.append((byte) (0xf0 | (cp >> 18)));
        out.append((byte) (0x80 | ((cp >> 12) & 0x3f)));
        out.append((byte) (0x80 | ((cp >> 6) & 0x3f)));
        out.append((byte) (0x80 | (cp & 0x3f)));
      }
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
      if (term.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (term.bytes[term.offset + i] != prefix.bytes[prefix.offset + i]) {
          return false;
        }
      }
      return true;
    }

    /**
     * Measures {@code term}; records it when near enough. Returns -1, or the length in bytes of its
     * beginning that no term within reach starts with.
     */
    private int visit(BytesRef term, TermsEnum terms) throws IOException {
      int n = decode(term);
      int m = word.length;
      int k = maxEdits;
      int beyond = k + 1; // any distance beyond reach, as one value
      for (int i = valid + 1; i <= n; i++) {
        // only the cells within k of the diagonal can be within reach; the others are `beyond`
        int lo = Math.max(1, i - k);
        int hi = Math.min(m, i + k);
        if (i >= rows.length || lo > hi) {
          valid = i - 1;
          deadDepth = i;
          return letterEnds[i - 1];
        }
        int[] row = rows[i];
        int[] up = rows[i - 1];
        int[] upUp = i > 1 ? rows[i - 2] : null;
        int letter = letters[i - 1];
        int before = i > 1 ? letters[i - 2] : -1;
        row[lo - 1] = lo == 1 ? i : beyond;
        int min = lo == 1 ? i : beyond;
        for (int j = lo; j <= hi; j++) {
          int d = Math.min(up[j], row[j - 1]) + 1;
          int sub = up[j - 1] + (letter == word[j - 1] ? 0 : 1);
          if (sub < d) {
            d = sub;
          }
          if (j > 1 && upUp != null && letter == word[j - 2] && before == word[j - 1]) {
            int swap = upUp[j - 2] + 1;
            if (swap < d) {
              d = swap;
            }
          }
          if (d > beyond) {
            d = beyond;
          }
          row[j] = d;
          if (d < min) {
            min = d;
          }
        }
        if (hi < m) {
          row[hi + 1] = beyond;
        }
        if (min > k) {
          valid = i - 1;
          deadDepth = i;
          return letterEnds[i - 1];
        }
      }
      if (Math.abs(n - m) > k) {
        valid = n;
        return -1;
      }
      valid = n;
      int edits = rows[n][m];
      if (edits <= maxEdits && !term.bytesEquals(wordBytes)) {
        int length = n + (wordLength - m);
        float score =
            edits == 0 ? 1.0f : 1.0f - (float) edits / (float) Math.min(length, wordLength);
        if (score >= ACCURACY) {
          int df = terms.docFreq();
          Candidate seen = found.get(term);
          if (seen == null) {
            BytesRef copy = BytesRef.deepCopyOf(term);
            found.put(copy, new Candidate(copy, score, df));
          } else {
            seen.docFreq += df;
          }
        }
      }
      return -1;
    }

    /**
     * The letters of {@code term} after the prefix, and how many of them the previous term shared.
     */
    private int decode(BytesRef term) {
      int pos = term.offset + prefix.length;
      int end = term.offset + term.length;
      int n = 0;
      boolean same = true;
      while (pos < end) {
        int b = term.bytes[pos] & 0xff;
        int cp;
        int size;
        if (b < 0x80) {
          cp = b;
          size = 1;
        } else if (b < 0xe0) {
          cp = ((b & 0x1f) << 6) | (term.bytes[pos + 1] & 0x3f);
          size = 2;
        } else if (b < 0xf0) {
          cp =
              ((b & 0x0f) << 12)
                  | ((term.bytes[pos + 1] & 0x3f) << 6)
                  | (term.bytes[pos + 2] & 0x3f);
          size = 3;
        } else {
          cp =
              ((b & 0x07) << 18)
                  | ((term.bytes[pos + 1] & 0x3f) << 12)
                  | ((term.bytes[pos + 2] & 0x3f) << 6)
                  | (term.bytes[pos + 3] & 0x3f);
          size = 4;
        }
        pos += size;
        if (n == letters.length) {
          letters = ArrayUtil.grow(letters, n + 1);
          letterEnds = ArrayUtil.growExact(letterEnds, letters.length);
        }
        if (same && (n >= valid || letters[n] != cp)) {
          same = false;
          valid = Math.min(valid, n);
        }
        letters[n] = cp;
        letterEnds[n] = pos - term.offset;
        n++;
      }
      valid = Math.min(valid, n);
      return n;
    }
  }

  /** The restricted Damerau-Levenshtein distance between two strings of code points (for tests). */
  static int distance(int[] a, int[] b) {
    int[][] d = new int[a.length + 1][b.length + 1];
    for (int i = 0; i <= a.length; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        int v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1);
        v = Math.min(v, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length][b.length];
  }
}
