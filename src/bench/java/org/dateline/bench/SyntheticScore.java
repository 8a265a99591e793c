package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;

/**
 * Scores the stories ingest made of a {@link SyntheticStories} set against the set's own truth:
 * pair recall of (wire copy, outlet copy) by the share of the text the outlet kept, B-cubed
 * precision, recall and F1 over every copy, stories that mix copies of two sources, and whether the
 * earliest copy of the story holding the wire copy is the wire copy (the one a story shows first).
 */
public final class SyntheticScore {

  /** Pairs found out of pairs, for outlet copies keeping a share of the text in [from, to). */
  public record Band(double from, double to, long pairs, long found, double recall) {}

  /** The figures. */
  public record Score(
      long copies,
      long stories,
      List<Band> bands,
      double bcubedPrecision,
      double bcubedRecall,
      double bcubedF1,
      long mixedStories,
      long wireFirst,
      long sources) {}

  private SyntheticScore() {}

  /** The story each copy of {@code copies} was put in by the index in {@code indexDir}. */
  public static Score score(List<SyntheticStories.Copy> copies, Path indexDir) throws IOException {
    Map<String, Long> storyOf = storiesByFile(indexDir);
    Map<Integer, List<SyntheticStories.Copy>> bySource = new HashMap<>();
    copies.forEach(c -> bySource.computeIfAbsent(c.story(), k -> new ArrayList<>()).add(c));
    Map<Long, List<SyntheticStories.Copy>> byStory = new HashMap<>();
    for (SyntheticStories.Copy c : copies) {
      Long story = storyOf.get(c.file());
      if (story == null) {
        throw new IllegalStateException(c.file() + " was not indexed");
      }
      byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(c);
    }
    List<Band> bands = new ArrayList<>();
    for (double[] band : new double[][] {{0.8, 1.01}, {0.5, 0.8}, {0.0, 0.5}}) {
      long pairs = 0;
      long found = 0;
      for (SyntheticStories.Copy c : copies) {
        if (c.copy() > 0 && c.kept() >= band[0] && c.kept() < band[1]) {
          pairs++;
          SyntheticStories.Copy wire = bySource.get(c.story()).get(0);
          found += storyOf.get(c.file()).equals(storyOf.get(wire.file())) ? 1 : 0;
        }
      }
      bands.add(new Band(band[0], band[1], pairs, found, pairs == 0 ? 1 : (double) found / pairs));
    }
    double p = 0;
    double r = 0;
    for (SyntheticStories.Copy c : copies) {
      List<SyntheticStories.Copy> cluster = byStory.get(storyOf.get(c.file()));
      long same = cluster.stream().filter(o -> o.story() == c.story()).count();
      p += (double) same / cluster.size();
      r += (double) same / bySource.get(c.story()).size();
    }
    p /= copies.size();
    r /= copies.size();
    long mixed =
        byStory.values().stream()
            .filter(l -> l.stream().map(SyntheticStories.Copy::story).distinct().count() > 1)
            .count();
    long wireFirst = 0;
    for (List<SyntheticStories.Copy> source : bySource.values()) {
      SyntheticStories.Copy wire = source.get(0);
      SyntheticStories.Copy earliest =
          byStory.get(storyOf.get(wire.file())).stream()
              .min(java.util.Comparator.comparingLong(SyntheticStories.Copy::dateMs))
              .orElseThrow();
      wireFirst += earliest.file().equals(wire.file()) ? 1 : 0;
    }
    return new Score(
        copies.size(),
        byStory.size(),
        bands,
        p,
        r,
        2 * p * r / (p + r),
        mixed,
        wireFirst,
        bySource.size());
  }

  private static Map<String, Long> storiesByFile(Path indexDir) throws IOException {
    Map<String, Long> out = new HashMap<>();
    BenchFiles.forEachStored(
        indexDir,
        stored -> {
          Article a = Schema.toArticle(stored);
          out.put(Path.of(a.path()).getFileName().toString(), Schema.storyOf(stored));
        });
    return out;
  }
}
