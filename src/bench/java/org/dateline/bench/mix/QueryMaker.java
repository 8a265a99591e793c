package org.dateline.bench.mix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Makes the queries of a mix from the archive's own text: single words drawn from four frequency
 * bands, two and three words of one article, phrases of a title, boolean and proximity queries over
 * words that stand in one article, and prefix wildcards and fuzzy terms of its words. Every query
 * is one a user could type; which ones is decided by the seed alone (for a given index).
 */
final class QueryMaker {

  /** A query and its kind ({@code word-rare}, {@code phrase-title}, ...). */
  record Made(String kind, String query) {}

  /** Band limits as shares of the archive: rare, uncommon, common; frequent is the rest. */
  private static final double[] BAND_SHARES = {0.0005, 0.005, 0.05};

  private static final String[] BAND_KINDS = {
    "word-rare", "word-uncommon", "word-common", "word-frequent"
  };

  /** Words of one article that a user would type: seen in at most this share of the archive. */
  private static final double CONTENT_SHARE = 0.05;

  private final ArchiveSample archive;
  private final Random random;
  private final List<List<String>> bands = new ArrayList<>();
  private final int contentMaxDf;

  QueryMaker(ArchiveSample archive, Random random) throws IOException {
    this.archive = archive;
    this.random = random;
    int docs = archive.maxDoc();
    this.contentMaxDf = Math.max(2, (int) (docs * CONTENT_SHARE));
    for (int b = 0; b <= BAND_SHARES.length; b++) {
      bands.add(new ArrayList<>());
    }
    for (ArchiveSample.Word w : archive.bodyWords()) {
      if (w.docFreq() >= 2) {
        bands.get(band(w.docFreq(), docs)).add(w.text());
      }
    }
  }

  private static int band(int docFreq, int docs) {
    for (int b = 0; b < BAND_SHARES.length; b++) {
      if (docFreq <= Math.max(b + 2, BAND_SHARES[b] * docs)) {
        return b;
      }
    }
    return BAND_SHARES.length;
  }

  /** A query of {@code kind}, or null when this draw gave none (the caller draws again). */
  Made make(String kind) throws IOException {
    String q =
        switch (kind) {
          case "words-2" -> words(2);
          case "words-3" -> words(3);
          case "phrase-title" -> titlePhrase();
          case "boolean" -> booleanQuery();
          case "proximity" -> proximity();
          case "wildcard" -> wildcard();
          case "fuzzy" -> fuzzy();
          default -> word(kind);
        };
    return q == null ? null : new Made(kind, q);
  }

  private String word(String kind) {
    for (int b = 0; b < BAND_KINDS.length; b++) {
      if (BAND_KINDS[b].equals(kind)) {
        List<String> band = bands.get(b);
        return band.isEmpty() ? null : band.get(random.nextInt(band.size()));
      }
    }
    throw new IllegalArgumentException("no query kind " + kind);
  }

  private String words(int n) throws IOException {
    List<String> content = new ArrayList<>(new LinkedHashSet<>(contentWords(randomArticle())));
    if (content.size() < n * 3) {
      return null;
    }
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < n) {
      picked.add(content.get(random.nextInt(content.size())));
    }
    return String.join(" ", picked);
  }

  private String titlePhrase() throws IOException {
    String title = archive.article(randomDoc()).title();
    if (title == null) {
      return null;
    }
    // Short words stay in: a phrase is typed as it is printed ("bank of japan").
    List<String> words = List.of(title.toLowerCase(Locale.ROOT).strip().split("\\s+"));
    int len = 2 + random.nextInt(2);
    if (words.size() < len) {
      return null;
    }
    int start = random.nextInt(words.size() - len + 1);
    List<String> span = new ArrayList<>();
    for (String w : words.subList(start, start + len)) {
      String bare = w.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
      if (!bare.matches("[a-z]+")) {
        return null;
      }
      span.add(bare);
    }
    return '"' + String.join(" ", span) + '"';
  }

  private String booleanQuery() throws IOException {
    List<String> a = contentWords(randomArticle());
    List<String> b = contentWords(randomArticle());
    if (a.size() < 2 || b.isEmpty()) {
      return null;
    }
    String x = pick(a);
    String y = pick(a);
    String z = pick(b);
    if (x.equals(y) || x.equals(z) || y.equals(z)) {
      return null;
    }
    return switch (random.nextInt(3)) {
      case 0 -> x + " OR " + z;
      case 1 -> x + " NOT " + z;
      default -> "(" + x + " OR " + z + ") AND " + y;
    };
  }

  private String proximity() throws IOException {
    List<String> text = tokens(randomArticle());
    int gap = 2 + random.nextInt(4);
    if (text.size() <= gap) {
      return null;
    }
    int at = random.nextInt(text.size() - gap);
    String a = text.get(at);
    String b = text.get(at + gap);
    if (a.equals(b) || !isContent(a) || !isContent(b)) {
      return null;
    }
    return '"' + a + ' ' + b + "\"~" + (gap + random.nextInt(3));
  }

  private String wildcard() throws IOException {
    String w = pick(contentWords(randomArticle()));
    return w == null || w.length() < 6 ? null : w.substring(0, 4 + random.nextInt(2)) + "*";
  }

  private String fuzzy() throws IOException {
    String w = pick(contentWords(randomArticle()));
    return w == null || w.length() < 5 ? null : w + (w.length() >= 8 ? "~2" : "~1");
  }

  private String pick(List<String> words) {
    return words.isEmpty() ? null : words.get(random.nextInt(words.size()));
  }

  private int randomDoc() {
    return random.nextInt(archive.maxDoc());
  }

  private String randomArticle() throws IOException {
    return archive.article(randomDoc()).text();
  }

  /** The article's words a user would search for: not among the archive's most common. */
  private List<String> contentWords(String text) throws IOException {
    List<String> out = new ArrayList<>();
    for (String t : tokens(text)) {
      if (isContent(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private boolean isContent(String word) throws IOException {
    int df = archive.docFreq(word);
    return df >= 2 && df <= contentMaxDf;
  }

  /** Lower-cased runs of three or more letters, in text order. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (t.length() >= 3) {
        out.add(t);
      }
    }
    return out;
  }
}
