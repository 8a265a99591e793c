package org.dateline.enrich;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The publication date an article prints in its own head, where outlets print it: a line that is
 * only a date ("March 5, 2019 at 1:24 am"), a labelled line ("Published:", "Last modified on",
 * "Atualizado em"), a byline with a date ("By Jane Doe | 5 March 2019"), or a dateline opening the
 * story ("WASHINGTON, March 5, 2019 (Reuters) -"). A date inside a narrative sentence ("on 14 May,
 * 1870 ...") or a photo caption is what the story talks about, not when it was published: it is
 * never taken, and the search stops where the story starts. Stateless and thread-safe.
 */
final class DateLines {

  /**
   * A line of this many words that ends a sentence is prose: the story has started. A headline of
   * that length ends without a full stop; a line of {@link #LONG_WORDS} words is prose anyway.
   */
  private static final int PROSE_WORDS = 12;

  private static final int LONG_WORDS = 25;
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][\\p{Pf}\\p{Pe}\"')]*$");

  /** Words a date line may hold besides the date itself (a weekday, a byline name, "at"). */
  private static final int OTHER_WORDS = 4;

  /** Labels outlets put before a publication or update date, in the languages Dateline reads. */
  private static final Pattern LABEL =
      Pattern.compile(
          "(?iu)(first\\s+)?(published|updated|posted|modified|last\\s+(modified|updated)|dated?"
              + "|publicad[oa]|atualizad[oa]|actualizad[oa]|publié|mis\\s+à\\s+jour"
              + "|veröffentlicht|aktualisiert|stand|pubblicato|aggiornato)\\b");

  /** Separators between the parts of a byline block ("By Jane Doe | Published 5 March"). */
  private static final Pattern SEPARATOR = Pattern.compile("[|·•—–]");

  /** A dateline: a place in capitals and a comma before the date, at the story's very start. */
  private static final Pattern DATELINE =
      Pattern.compile("\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}(,\\s*\\p{L}[\\p{L} .]{0,30})?,\\s*");

  /** A photo caption: a credit label, or a credit in brackets at the end. */
  private static final Pattern CAPTION =
      Pattern.compile(
          "(?iu)\\b(photograph|photo|picture|image|credit|foto)s?\\s*:|\\[[^\\]]{2,80}]\\s*$");

  private DateLines() {}

  /** The date printed in {@code head} (an article's first non-blank lines), or empty. */
  static Optional<PubDate> find(List<String> head, String source) {
    for (String line : head) {
      boolean prose = isProse(line);
      Optional<DateParsing.Located> found = DateParsing.locate(line, source);
      if (found.isPresent() && isDateLine(line, found.get(), prose)) {
        return Optional.of(found.get().date());
      }
      if (prose) {
        break; // the story has started: any date from here on is narrative
      }
    }
    return Optional.empty();
  }

  static boolean isProse(String line) {
    int words = words(line);
    return words >= LONG_WORDS || words >= PROSE_WORDS && SENTENCE_END.matcher(line.strip()).find();
  }

  private static boolean isDateLine(String line, DateParsing.Located at, boolean prose) {
    String before = line.substring(0, at.start());
    String after = line.substring(at.end());
    if (prose) {
      return DATELINE.matcher(before).matches();
    }
    if (CAPTION.matcher(line).find()) {
      return false;
    }
    String[] parts = SEPARATOR.split(before, -1);
    String lead = parts[parts.length - 1].strip();
    if (LABEL.matcher(lead).lookingAt() && words(lead) <= OTHER_WORDS) {
      return true;
    }
    return words(before) + words(after) <= OTHER_WORDS;
  }

  /** Runs of characters holding a letter: numbers and punctuation are not words. */
  static int words(String s) {
    int n = 0;
    boolean inWord = false;
    boolean hasLetter = false;
    for (int i = 0; i <= s.length(); i++) {
      boolean space = i == s.length() || Character.isWhitespace(s.charAt(i));
      if (space) {
        n += inWord && hasLetter ? 1 : 0;
        inWord = false;
        hasLetter = false;
      } else {
        inWord = true;
        hasLetter |= Character.isLetter(s.charAt(i));
      }
    }
    return n;
  }
}
