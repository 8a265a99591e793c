package org.dateline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.enrich.story.Overlap;
import org.dateline.index.Schema;

/**
 * Evaluation 2 of issue 16: pairs of articles ingest put in one story, drawn across similarity
 * bands with a fixed seed, to be labelled by reading (is the one a copy of the other's text?), and
 * the precision of the labelled pairs. A pair is named by the articles' Reuters NEWIDs (their item
 * keys), so the labels outlive the paths an index was built from.
 */
public final class StoryPairs {

  /** One same-story pair: its NEWIDs, band, overlap, titles and openings (for the reader). */
  public record Pair(
      String a,
      String b,
      String band,
      double containment,
      double jaccard,
      String titleA,
      String titleB,
      String textA,
      String textB) {}

  /** Precision of the labelled pairs of one band ("all" for every band). */
  public record Precision(String band, long pairs, long copies, double precision) {}

  /** The bands, by the overlap of the pair (short texts join by their exact hash alone). */
  static final List<String> BANDS =
      List.of(
          "short exact",
          "coverage only",
          "jaccard only",
          "containment 0.8-0.9",
          "0.9-0.99",
          "0.99-1");

  private StoryPairs() {}

  /** {@code perBand} same-story pairs of each band of the index in {@code dir}. */
  public static List<Pair> sample(Path dir, int perBand, long seed) throws IOException {
    Map<Long, List<Article>> byStory = new HashMap<>();
    BenchFiles.forEachStored(
        dir,
        stored ->
            byStory
                .computeIfAbsent(Schema.storyOf(stored), k -> new ArrayList<>())
                .add(Schema.toArticle(stored)));
    Map<String, List<Pair>> banded = new HashMap<>();
    for (List<Article> story : byStory.values()) {
      story.sort(Comparator.comparing(Article::itemKey));
      for (int i = 0; i < story.size(); i++) {
        for (int j = i + 1; j < story.size(); j++) {
          Pair p = pair(story.get(i), story.get(j));
          banded.computeIfAbsent(p.band(), k -> new ArrayList<>()).add(p);
        }
      }
    }
    Random random = new Random(seed);
    List<Pair> out = new ArrayList<>();
    for (String band : BANDS) {
      List<Pair> pairs = new ArrayList<>(banded.getOrDefault(band, List.of()));
      pairs.sort(Comparator.comparing(Pair::a).thenComparing(Pair::b));
      java.util.Collections.shuffle(pairs, random);
      out.addAll(pairs.subList(0, Math.min(perBand, pairs.size())));
    }
    return out;
  }

  private static Pair pair(Article x, Article y) {
    Fingerprint fx = Fingerprint.of(x.title(), x.text());
    Fingerprint fy = Fingerprint.of(y.title(), y.text());
    Overlap o = Overlap.of(fx, fy);
    boolean comparable = fx.comparable() && fy.comparable();
    String band =
        !comparable
            ? "short exact"
            : o.containment() < 0.8 && o.jaccard() < Overlap.JOIN_JACCARD
                ? "coverage only"
                : o.containment() < 0.8
                    ? "jaccard only"
                    : o.containment() < 0.9
                        ? "containment 0.8-0.9"
                        : o.containment() < 0.99 ? "0.9-0.99" : "0.99-1";
    return new Pair(
        x.itemKey(),
        y.itemKey(),
        band,
        o.containment(),
        o.jaccard(),
        x.title(),
        y.title(),
        opening(x.text()),
        opening(y.text()));
  }

  private static String opening(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 400 ? flat : flat.substring(0, 400) + " ...";
  }

  /** Writes the pairs to label: one per line, tab-separated, the label column empty. */
  public static void write(List<Pair> pairs, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "newid_a\tnewid_b\tband\tcontainment\tjaccard\tlabel\ttitle_a\ttitle_b\ttext_a\ttext_b");
    for (Pair p : pairs) {
      lines.add(
          String.join(
              "\t",
              p.a(),
              p.b(),
              p.band(),
              String.format(Locale.ROOT, "%.3f", p.containment()),
              String.format(Locale.ROOT, "%.3f", p.jaccard()),
              "",
              clean(p.titleA()),
              clean(p.titleB()),
              clean(p.textA()),
              clean(p.textB())));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
  }

  /**
   * The precision of a labelled file: its rows whose label is {@code copy} (the one text is a copy
   * of the other: the same story, however trimmed or updated) out of its labelled rows, by band.
   */
  public static List<Precision> precision(Path labelled) throws IOException {
    Map<String, long[]> counts = new HashMap<>();
    List<String> lines = Files.readAllLines(labelled, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      String label = cells[5].strip();
      if (label.isEmpty()) {
        continue;
      }
      if (!label.equals("copy") && !label.equals("not")) {
        throw new IllegalArgumentException("a label is copy or not; got '" + label + "'");
      }
      for (String band : List.of(cells[2], "all")) {
        long[] c = counts.computeIfAbsent(band, k -> new long[2]);
        c[0]++;
        c[1] += label.equals("copy") ? 1 : 0;
      }
    }
    List<Precision> out = new ArrayList<>();
    for (String band : concat(BANDS, "all")) {
      long[] c = counts.getOrDefault(band, new long[2]);
      out.add(new Precision(band, c[0], c[1], c[0] == 0 ? 1 : (double) c[1] / c[0]));
    }
    return out;
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> out = new ArrayList<>(a);
    out.add(b);
    return out;
  }
}
