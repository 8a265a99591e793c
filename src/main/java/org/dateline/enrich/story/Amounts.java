package org.dateline.enrich.story;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.enrich.Characters;

/**
 * The amounts a text prints in digits, each with the other form a copy may print it in, and the
 * paragraph it stands in: what {@link SameNames#numbersKept} asks the longer of two texts to keep.
 * Three things are not a changed amount: a time in another form ("10 a.m.", "10:00" and "1000 EDT"
 * are all 1000), a figure rounded to fewer digits with a scale word ("7.5 mln" for "7,507,000",
 * "1.46 billion" for "1,459,193,000": each full figure offers its roundings, see {@link
 * #roundings}), and an amount in a paragraph the longer text left out whole (an update that cut a
 * paragraph: see {@link #keptIn}). Two fills of one frame differ inside the frame's shared
 * sentences, and in figures of one form ("304 mln" and "303.9 mln" are two figures). Immutable.
 *
 * @param plain hash of each amount as its value reads ({@link Names#plain}), as {@link Names} reads
 *     it
 * @param other hash of each amount's other form (a time as hhmm, a scaled figure as "7.5e6"), or 0
 *     when it has none
 * @param paragraphs for each amount, a bit for each paragraph it stands in (the 64th paragraph and
 *     later share the last bit, which never counts as left out)
 * @param paragraphEnds the word (index in the text's words) each paragraph ends before, counted
 *     when first needed; none when the paragraphs' words do not add up to the text's (then no
 *     paragraph counts as left out)
 * @param forms hashes of every form another text may print this text's amounts in: the other forms
 *     and the roundings of its full figures (the longer text's vocabulary holds them)
 */
record Amounts(
    long[] plain, long[] other, long[] paragraphs, ParagraphEnds paragraphEnds, long[] forms) {

  /** A paragraph shorter than this (a table row, a sign-off) is never taken as left out. */
  static final int MIN_PARAGRAPH_WORDS = 2 * Fingerprint.SHINGLE_WORDS;

  /** Decimals a rounded figure is offered at ("1e9" to "1.459e9"). */
  private static final int MAX_DECIMALS = 3;

  private static final int LAST_BIT = 63;

  /**
   * A clock time with a.m. or p.m. ("10 a.m.", "10:30 pm", "9.15 a.m."), a 24-hour time ("14:00"),
   * or a number as {@link Names} reads it, with a scale word after it ("7.5 mln", "304-mln",
   * "1.2bn").
   */
  static final Pattern AMOUNT =
      Pattern.compile(
          "(?<clock>(?<h>\\p{N}{1,2})(?:[:.](?<m>\\p{N}{2}))?\\s?(?<ap>[ap])\\.?\\s?m\\b\\.?)"
              + "|(?<hm>(?<h24>\\p{N}{1,2}):(?<m24>\\p{N}{2}))(?!\\p{N})"
              + "|(?<n>\\p{N}+(?:[.,/-]\\p{N}+)*)"
              + "(?:[\\s-]?(?<scale>thousand|mln|millions?|bln|billions?|trillions?|trln)\\b"
              + "|(?<short>m|bn|tn)\\b)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A figure in full: digits with grouping and at least four before the point, no fraction. */
  private static final Pattern FULL = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{4,}");

  /** A paragraph begins after a blank line or at an indented line. */
  private static final Pattern PARAGRAPH = Pattern.compile("\\n(?:[ \\t]*\\n)+|\\n(?=[ \\t])");

  private static final Map<String, Integer> SCALES =
      Map.ofEntries(
          Map.entry("thousand", 3),
          Map.entry("m", 6),
          Map.entry("mln", 6),
          Map.entry("million", 6),
          Map.entry("millions", 6),
          Map.entry("bn", 9),
          Map.entry("bln", 9),
          Map.entry("billion", 9),
          Map.entry("billions", 9),
          Map.entry("tn", 12),
          Map.entry("trln", 12),
          Map.entry("trillion", 12),
          Map.entry("trillions", 12));

  /** One amount while reading: its forms and the paragraphs it stands in. */
  private record Found(String plain, String other) {}

  /**
   * The amounts of {@code stripped} (a text without its wrapping, see {@link StoryText#strip}), of
   * {@code words} folded words, hashed by {@code hash}.
   */
  static Amounts of(String stripped, int words, ToLongFunction<String> hash) {
    String s = Normalizer.normalize(stripped, Normalizer.Form.NFKC);
    String[] paras = PARAGRAPH.split(s);
    Map<Found, Long> found = new LinkedHashMap<>();
    List<String> forms = new ArrayList<>();
    for (int p = 0; p < paras.length; p++) {
      long bit = 1L << Math.min(p, LAST_BIT);
      String para = paras[p];
      Matcher m = AMOUNT.matcher(para).useTransparentBounds(true).useAnchoringBounds(false);
      for (int at = 0; nextAmount(m, para, at); at = m.end()) {
        found.merge(read(m, forms), bit, (x, y) -> x | y);
      }
    }
    long[] plain = new long[found.size()];
    long[] other = new long[found.size()];
    long[] where = new long[found.size()];
    int i = 0;
    for (Map.Entry<Found, Long> e : found.entrySet()) {
      plain[i] = hash.applyAsLong(e.getKey().plain());
      other[i] = e.getKey().other() == null ? 0 : hash.applyAsLong(e.getKey().other());
      where[i++] = e.getValue();
    }
    return new Amounts(
        plain,
        other,
        where,
        new ParagraphEnds(found.isEmpty() ? new String[0] : paras, words),
        forms.stream().mapToLong(hash).sorted().distinct().toArray());
  }

  /**
   * {@code m.find()} from {@code from} for {@link #AMOUNT}'s matcher over {@code para} (transparent
   * bounds): every match starts at a number, so the matcher is tried there only, not at every
   * character. Package-private so a test can hold it to {@code find()}.
   */
  static boolean nextAmount(Matcher m, String para, int from) {
    for (int at = nextNumber(para, from); at >= 0; at = nextNumber(para, at + 1)) {
      if (m.region(at, para.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the next character of Unicode's category N (what {@link #AMOUNT}'s every branch starts
   * with) is, from {@code from} on; -1 when none.
   */
  private static int nextNumber(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return i;
      }
      if (c >= 0x80 && Characters.isNumber(s.codePointAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** One match as an amount; its other form and a full figure's roundings go to {@code forms}. */
  private static Found read(Matcher m, List<String> forms) {
    Found f;
    if (m.group("clock") != null) {
      int h = Integer.parseInt(m.group("h")) % 12;
      h += m.group("ap").toLowerCase(Locale.ROOT).equals("p") ? 12 : 0;
      String time = hhmm(h, m.group("m"));
      // "10 a.m." reads as 10 in Names; "10:30 a.m." as 10 and 30, here one amount, 1030.
      f = new Found(m.group("m") == null ? m.group("h") : time, time);
    } else if (m.group("hm") != null) {
      String time = hhmm(Integer.parseInt(m.group("h24")), m.group("m24"));
      f = new Found(time, time);
    } else {
      String n = m.group("n");
      String scale = m.group("scale") != null ? m.group("scale") : m.group("short");
      String other = scale == null ? null : scaled(n, SCALES.get(scale.toLowerCase(Locale.ROOT)));
      if (scale == null && FULL.matcher(n).matches()) {
        forms.addAll(roundings(n));
      }
      if (other == null && n.length() == 4 && n.charAt(0) == '0') {
        other = n.substring(1); // "0930 GMT" is the time 930, as "9:30 a.m." reads
      }
      f = new Found(Names.plain(n), other);
    }
    if (f.other() != null) {
      forms.add(f.other());
    }
    return f;
  }

  private static String hhmm(int h, String minutes) {
    return Integer.toString(h * 100 + (minutes == null ? 0 : Integer.parseInt(minutes)));
  }

  /** "7.5" with scale 6 as "7.5e6"; null for a fraction ("5-1/4") or grouping gone wrong. */
  static String scaled(String number, int exponent) {
    String n = number.replace(",", "");
    if (!n.matches("\\d+(?:\\.\\d+)?")) {
      return null;
    }
    return new BigDecimal(n).stripTrailingZeros().toPlainString() + "e" + exponent;
  }

  /**
   * The forms a figure printed in full may be rounded to with a scale word: "1,459,193,000" as
   * "1e9", "1.5e9", "1.46e9", "1.459e9", "1459e6" ... (half up, at most {@value #MAX_DECIMALS}
   * decimals, each scale the figure reaches).
   */
  static List<String> roundings(String full) {
    BigDecimal v = new BigDecimal(full.replace(",", ""));
    List<String> out = new ArrayList<>();
    for (int exponent = 3; exponent <= 12; exponent += 3) {
      BigDecimal inScale = v.movePointLeft(exponent);
      if (inScale.compareTo(BigDecimal.ONE) < 0) {
        break;
      }
      for (int d = 0; d <= MAX_DECIMALS; d++) {
        BigDecimal r = inScale.setScale(d, RoundingMode.HALF_UP).stripTrailingZeros();
        out.add(r.toPlainString() + "e" + exponent);
      }
    }
    return out;
  }

  /**
   * True when every amount of this text (the shorter of two, whose word shingles in order are
   * {@code inOrder}) is in {@code vocabulary}, the longer's words and {@link #forms}, in one of its
   * forms, or stands only in paragraphs the longer left out: paragraphs of at least {@link
   * #MIN_PARAGRAPH_WORDS} words none of whose shingles is in {@code longerShingles} (sorted).
   */
  boolean keptIn(long[] vocabulary, long[] inOrder, long[] longerShingles) {
    long leftOut = -1; // computed when first needed
    for (int i = 0; i < plain.length; i++) {
      if (has(vocabulary, plain[i]) || (other[i] != 0 && has(vocabulary, other[i]))) {
        continue;
      }
      if (leftOut == -1) {
        leftOut = leftOut(inOrder, longerShingles);
      }
      if ((paragraphs[i] & ~leftOut) != 0) {
        return false;
      }
    }
    return true;
  }

  /** A bit for each paragraph the longer text left out whole. */
  private long leftOut(long[] inOrder, long[] longerShingles) {
    long out = 0;
    int start = 0;
    int[] ends = paragraphEnds.get();
    for (int p = 0; p < ends.length && p < LAST_BIT; p++) {
      int end = ends[p];
      boolean shared = false;
      // the shingles wholly inside the paragraph: one starts at each word but its last four
      for (int w = start; w + Fingerprint.SHINGLE_WORDS <= end && w < inOrder.length; w++) {
        shared |= has(longerShingles, inOrder[w]);
      }
      if (end - start >= MIN_PARAGRAPH_WORDS && !shared) {
        out |= 1L << p;
      }
      start = end;
    }
    return out;
  }

  private static boolean has(long[] sorted, long h) {
    return java.util.Arrays.binarySearch(sorted, h) >= 0;
  }
}
