package org.dateline.index;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits text at white space, and splits a run of a script written without spaces between words
 * (Thai, Lao, Khmer, Myanmar) into its words with ICU's dictionary-based word breaker. Chinese and
 * Japanese letters (Han, Hiragana, Katakana) and Korean syllables (Hangul) come out one letter a
 * token, typed as Lucene's standard tokenizer types them, for the CJK bigram filter that follows
 * ("在北京举行" is 在, 北, 京, 举, 行, then 在北, 北京, 京举, 举行): measured against ICU's dictionary words and the
 * languages' own analysers, pairs find a word inside a longer one (北京 in 北京大学, 서울 in 서울에서) where a
 * dictionary cuts it otherwise (bench/cjk-segmentation.sh). Every other run is kept whole for the
 * word-delimiter filter that follows, which splits it at punctuation and also keeps the joined form
 * ("ez-Zor" is "ez", "zor" and "ezzor"), something a Unicode word breaker alone would lose.
 *
 * <p>A run of punctuation or symbols alone ("-" in "Berlin (dpa) - Der Euro") is not a word: it is
 * skipped here, so it leaves no empty position between its neighbours and "dpa der" stays a phrase
 * of the text (the word-delimiter filter would drop it but keep its position as a gap).
 *
 * <p>Offsets point into the text as given, so KWIC lines cut the stored text exactly. Runs longer
 * than {@link #MAX_TOKEN_CHARS} are cut, as Lucene's whitespace tokenizer cuts them, so a hostile
 * file cannot make a term longer than the index accepts. Not thread-safe (one per analysis chain).
 */
final class ScriptTokenizer extends Tokenizer {

  /** As Lucene's whitespace tokenizer: longer runs are cut into pieces of this length. */
  static final int MAX_TOKEN_CHARS = 255;

  /** Below this code point no script is written without spaces (Thai starts at U+0E00). */
  private static final int FIRST_UNSPACED = 0x0E00;

  /** ー and its half-width form: Unicode gives them no script, but they are letters of Katakana. */
  private static final int KATAKANA_LONG_VOWEL = 0x30FC;

  private static final int HALFWIDTH_LONG_VOWEL = 0xFF70;

  /** How a run is cut (see {@link #breaks}). */
  private static final int WHOLE = 0;

  private static final int LETTERS = 1;
  private static final int DICTIONARY = 2;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
  private final StringBuilder text = new StringBuilder();
  private final char[] readBuffer = new char[8192];

  /** Where the next run starts. */
  private int pos;

  /** Inside a segmented run: its start in {@link #text}, and the start of its next word. */
  private int runStart = -1;

  private int wordStart;

  /** Inside a word of the segmented run: where its next piece starts, and where it ends. */
  private int piecePos = -1;

  private int pieceEnd;

  @Override
  public void reset() throws IOException {
    super.reset();
    text.setLength(0);
    for (int n = input.read(readBuffer); n >= 0; n = input.read(readBuffer)) {
      text.append(readBuffer, 0, n);
    }
    pos = 0;
    runStart = -1;
    piecePos = -1;
  }

  @Override
  public boolean incrementToken() {
    clearAttributes();
    while (true) {
      if (runStart >= 0) {
        if (nextWord()) {
          return true;
        }
        continue;
      }
      while (pos < text.length() && isSpace(text.charAt(pos))) {
        pos++;
      }
      if (pos >= text.length()) {
        return false;
      }
      int start = pos;
      int end = runEnd(start);
      pos = end;
      int breaks = breaks(start, end);
      if (breaks != WHOLE) {
        runStart = start;
        // Only Thai, Lao, Khmer and Myanmar need the dictionary; CJK letters go one by one.
        words.setText(breaks == DICTIONARY ? text.substring(start, end) : "");
        wordStart = 0;
        if (breaks == LETTERS) {
          piecePos = start;
          pieceEnd = end;
        }
        continue;
      }
      if (!hasLetterOrDigit(start, end)) {
        continue; // a dash or other mark alone: no word, and no gap a phrase would have to cross
      }
      emit(start, end);
      return true;
    }
  }

  /** The next word of the segmented run with a letter or digit in it; false at the run's end. */
  private boolean nextWord() {
    if (piecePos >= 0 && nextPiece()) {
      return true;
    }
    for (int next = words.next(); next != BreakIterator.DONE; next = words.next()) {
      int from = runStart + wordStart;
      int to = runStart + next;
      wordStart = next;
      if (hasLetterOrDigit(from, to)) {
        piecePos = from;
        pieceEnd = to;
        if (nextPiece()) {
          return true;
        }
      }
    }
    runStart = -1;
    return false;
  }

  /**
   * The word's next piece: one CJK letter, typed for the bigram filter, or a run of other
   * characters (a Thai word, "NHK" in "NHK的报道") as one token; false at the word's end.
   */
  private boolean nextPiece() {
    while (piecePos < pieceEnd) {
      int cp = Character.codePointAt(text, piecePos);
      String cjk = cjkType(cp);
      int from = piecePos;
      if (cjk != null) {
        piecePos += Character.charCount(cp);
        emit(from, piecePos);
        type.setType(cjk);
        return true;
      }
      while (piecePos < pieceEnd && cjkType(Character.codePointAt(text, piecePos)) == null) {
        piecePos += Character.charCount(Character.codePointAt(text, piecePos));
      }
      if (hasLetterOrDigit(from, piecePos)) {
        emit(from, piecePos);
        return true;
      }
    }
    piecePos = -1;
    return false;
  }

  /** The standard tokenizer's type of a Chinese, Japanese or Korean letter, else null. */
  static String cjkType(int cp) {
    if (cp < FIRST_UNSPACED) {
      return null;
    }
    if (cp == KATAKANA_LONG_VOWEL || cp == HALFWIDTH_LONG_VOWEL) {
      return StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];
    }
    return switch (Character.UnicodeScript.of(cp)) {
      case HAN -> StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
      case HIRAGANA -> StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
      case KATAKANA -> StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];
      case HANGUL -> StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];
      default ->
          Character.isIdeographic(cp)
              ? StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC]
              : null;
    };
  }

  private int runEnd(int start) {
    int end = start;
    int limit = Math.min(text.length(), start + MAX_TOKEN_CHARS);
    while (end < limit && !isSpace(text.charAt(end))) {
      end++;
    }
    if (end == limit && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never cut a surrogate pair in two
    }
    return end;
  }

  /** How a run is cut: whole, into pieces at CJK letters, or by ICU's dictionary words. */
  private int breaks(int start, int end) {
    int kind = WHOLE;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < FIRST_UNSPACED) {
        continue;
      }
      int cp = Character.codePointAt(text, i);
      switch (Character.UnicodeScript.of(cp)) {
        case THAI, LAO, KHMER, MYANMAR -> {
          return DICTIONARY;
        }
        default -> {
          if (cjkType(cp) != null) {
            kind = LETTERS;
          }
        }
      }
    }
    return kind;
  }

  private boolean hasLetterOrDigit(int from, int to) {
    for (int i = from; i < to; i += Character.charCount(Character.codePointAt(text, i))) {
      if (Character.isLetterOrDigit(Character.codePointAt(text, i))) {
        return true;
      }
    }
    return false;
  }

  private void emit(int start, int end) {
    term.setEmpty().append(text, start, end);
    type.setType(TypeAttribute.DEFAULT_TYPE);
    offset.setOffset(correctOffset(start), correctOffset(end));
  }

  /** White space, no-break spaces included (a no-break space separates words as well). */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(text.length());
    offset.setOffset(last, last);
  }

  @Override
  public void close() throws IOException {
    super.close();
    text.setLength(0);
    if (text.capacity() > 1 << 20) {
      text.trimToSize(); // one huge text does not keep its buffer for every later one
    }
  }
}
