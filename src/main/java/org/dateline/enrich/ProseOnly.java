package org.dateline.enrich;

import java.util.regex.Pattern;

/**
 * The recogniser reads prose only. A file of annotation columns (CoNLL, CoNLL-U, WebAnno TSV), a
 * list of codes one a line, a spreadsheet saved as text or a log is still indexed and searchable,
 * but read as prose it fills the person, organization and place facets with its tags and tokens
 * ("ADP", "SCONJ", "I-ORG"). A line is data when it carries positive evidence of it: a tab, a
 * single token, a word followed by tag-like columns only ("EU NNP I-NP I-ORG"), a time stamp at its
 * start, or two or more field separators with no space after them and no function word. A run of at
 * least {@value #MIN_RUN} data lines (blank lines between them allowed) is blanked out for
 * recognition, and so is the whole text when most of its lines are data and it has at least {@value
 * #MIN_TEXT_LINES}, all but a heading of at most two lines (its comment lines, "# text = ...", are
 * the data's too). Blanking keeps every offset pointing into the stored text. Lists of names in
 * prose ("Best actor: Jamie Foxx - Ray") are not data: they are several words with lower-case
 * letters. Stateless and thread-safe.
 */
final class ProseOnly {

  /** Fewer data lines in a row are a dateline, a sign-off, a short quote of figures. */
  static final int MIN_RUN = 3;

  /** Above this share of data lines among the non-blank ones, the whole text is data. */
  static final double DATA_TEXT_SHARE = 0.5;

  /** A data text's title lines above its first data line, kept as prose. */
  static final int MAX_HEADING_LINES = 2;

  /** The whole-text rule is for files of data; a short text is judged run by run. */
  static final int MIN_TEXT_LINES = 20;

  /** A tag column: capitals, digits and punctuation, no lower-case letter ("NNP", "I-ORG", "_"). */
  private static final Pattern TAG = Pattern.compile("[^\\p{Ll}\\s]{1,8}");

  /**
   * Tag-like columns after a word: at most this many tokens on the line (prose in capitals has
   * more).
   */
  private static final int MAX_TAG_COLUMNS = 6;

  private static final Pattern STAMP =
      Pattern.compile(
          "^\\s*\\[?\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}|^\\s*\\d{2}:\\d{2}:\\d{2}\\b");

  private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d)");

  private static final Pattern SPACED_SEPARATOR = Pattern.compile("[,;|] ");

  private static final Pattern FUNCTION_WORD =
      Pattern.compile(
          "(?<![\\p{L}])(the|of|and|to|in|a|is|was|for|on|that|with|by|at|as|from|it|he|she|they"
              + "|said|has|have|be|an|are|were|will|would|not|this|but|or|who|which)(?![\\p{L}])");

  private ProseOnly() {}

  /** {@code text} with its data stretches replaced by spaces (line breaks kept). */
  static String masked(String text) {
    if (text.indexOf('\n') < 0) {
      return text; // one line: a title, a message; nothing columnar to find
    }
    String[] lines = text.split("\n", -1);
    boolean[] data = new boolean[lines.length];
    int nonBlank = 0;
    int dataLines = 0;
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        nonBlank++;
        data[i] = isData(lines[i]);
        dataLines += data[i] ? 1 : 0;
      }
    }
    if (dataLines < MIN_RUN) {
      return text;
    }
    char[] out = text.toCharArray();
    int[] starts = starts(lines);
    if (nonBlank >= MIN_TEXT_LINES && dataLines > DATA_TEXT_SHARE * nonBlank) {
      blank(out, headingEnd(lines, data, starts), out.length);
      return new String(out);
    }
    boolean changed = false;
    int i = 0;
    while (i < lines.length) {
      if (!data[i]) {
        i++;
        continue;
      }
      // a run: data lines, and the blank lines between them
      int count = 0;
      int last = i;
      int j = i;
      while (j < lines.length && (data[j] || lines[j].isBlank())) {
        if (data[j]) {
          count++;
          last = j;
        }
        j++;
      }
      if (count >= MIN_RUN) {
        blank(out, starts[i], starts[last] + lines[last].length());
        changed = true;
      }
      i = j;
    }
    return changed ? new String(out) : text;
  }

  /** Whether one non-blank line reads as data rather than as a line of prose. */
  static boolean isData(String line) {
    if (line.indexOf('\t') >= 0 || STAMP.matcher(line).find()) {
      return true;
    }
    String[] tokens = line.strip().split("\\s+");
    if (tokens.length == 1) {
      return true;
    }
    if (tokens.length <= MAX_TAG_COLUMNS && tagColumns(tokens)) {
      return true;
    }
    // fields joined without a space ("Smith,John,London"); a comma between digits is a thousands
    // mark ("1,150,633 vs 649,914"), and ", " is prose or a line-up ("Lampard, Kezman, Drogba")
    String fields = THOUSANDS.matcher(line).replaceAll("");
    int separators = Math.max(count(fields, ','), Math.max(count(fields, ';'), count(fields, '|')));
    return separators >= 2
        && !SPACED_SEPARATOR.matcher(fields).find()
        && !FUNCTION_WORD.matcher(line).find();
  }

  private static boolean tagColumns(String[] tokens) {
    for (int t = 1; t < tokens.length; t++) {
      if (!TAG.matcher(tokens[t]).matches()) {
        return false;
      }
    }
    // "UK GDP RISES" is a headline in capitals, not a word and its tags: a tag line has a column
    // no word has, one with a hyphen, an underscore or a single letter ("I-NP", "_", "O")
    for (int t = 1; t < tokens.length; t++) {
      String s = tokens[t];
      if (s.length() == 1 || s.indexOf('-') > 0 || s.indexOf('_') >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int count(String line, char c) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      n += line.charAt(i) == c ? 1 : 0;
    }
    return n;
  }

  /**
   * Where a data text's heading ends: a table's title above its first data line ("CBT 11:40 EDT"
   * over a wire's quote table) is prose, when it is at most {@value #MAX_HEADING_LINES} lines; a
   * longer head (CoNLL-U's "# newdoc", "# meta::" block) is the data's own.
   */
  private static int headingEnd(String[] lines, boolean[] data, int[] starts) {
    int heading = 0;
    for (int i = 0; i < lines.length; i++) {
      if (data[i]) {
        return heading <= MAX_HEADING_LINES ? starts[i] : 0;
      }
      heading += lines[i].isBlank() ? 0 : 1;
    }
    return 0;
  }

  private static int[] starts(String[] lines) {
    int[] starts = new int[lines.length];
    int at = 0;
    for (int i = 0; i < lines.length; i++) {
      starts[i] = at;
      at += lines[i].length() + 1;
    }
    return starts;
  }

  private static void blank(char[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      if (out[i] != '\n') {
        out[i] = ' ';
      }
    }
  }
}
