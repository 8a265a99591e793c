package org.dateline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;

/**
 * Evaluation 2 of issue 16 on today's stories: the pairs labelled by reading ({@link StoryPairs}),
 * judged against the stories of a fresh index of the same corpus. A labelled pair still in one
 * story is a join the labels judge; a labelled copy no longer in one story is a copy lost. Pairs
 * the fresh index joins that carry no label are counted, so that the share the labels judge is
 * known.
 */
public final class LabelledPairs {

  /**
   * The labelled pairs of one band (the band they were drawn in; "all" for every band): {@code
   * joined} of them still share a story, {@code copiesJoined} of those are labelled copies.
   */
  public record Judged(
      String band,
      long labelled,
      long joined,
      long copiesJoined,
      double precision,
      long copies,
      double copiesKept) {}

  /** The judged bands, and every same-story pair of the index with how many carry a label. */
  public record Result(
      List<Judged> bands,
      long sameStoryPairs,
      long labelledSameStoryPairs,
      List<String> notPairsJoined,
      List<String> copiesLost) {}

  private LabelledPairs() {}

  /** Judges the labels of {@code labelled} against the stories of the index in {@code dir}. */
  public static Result judge(Path labelled, Path dir) throws IOException {
    Map<String, Long> storyOf = new HashMap<>();
    BenchFiles.forEachStored(
        dir,
        stored -> {
          Article a = Schema.toArticle(stored);
          storyOf.put(a.itemKey(), Schema.storyOf(stored));
        });
    Map<String, long[]> counts = new HashMap<>();
    Set<String> labelledKeys = new HashSet<>();
    List<String> notJoined = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    List<String> lines = Files.readAllLines(labelled, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      String label = cells[5].strip();
      if (label.isEmpty()) {
        continue;
      }
      Long a = storyOf.get(cells[0]);
      Long b = storyOf.get(cells[1]);
      if (a == null || b == null) {
        throw new IllegalStateException("pair " + cells[0] + "/" + cells[1] + " is not indexed");
      }
      boolean joined = a.equals(b);
      boolean copy = label.equals("copy");
      labelledKeys.add(key(cells[0], cells[1]));
      if (joined != copy) {
        (joined ? notJoined : lost).add(cells[0] + "/" + cells[1] + " (" + cells[2] + ")");
      }
      for (String band : List.of(cells[2], "all")) {
        long[] c = counts.computeIfAbsent(band, k -> new long[4]);
        c[0]++;
        c[1] += joined ? 1 : 0;
        c[2] += joined && copy ? 1 : 0;
        c[3] += copy ? 1 : 0;
      }
    }
    List<Judged> out = new ArrayList<>();
    List<String> bands = new ArrayList<>(StoryPairs.BANDS);
    bands.add("all");
    for (String band : bands) {
      long[] c = counts.getOrDefault(band, new long[4]);
      out.add(
          new Judged(
              band,
              c[0],
              c[1],
              c[2],
              c[1] == 0 ? 1 : (double) c[2] / c[1],
              c[3],
              c[3] == 0 ? 1 : (double) c[2] / c[3]));
    }
    long[] pairs = sameStoryPairs(storyOf, labelledKeys);
    return new Result(out, pairs[0], pairs[1], notJoined, lost);
  }

  /** Same-story pairs of the index, and how many of them are labelled. */
  private static long[] sameStoryPairs(Map<String, Long> storyOf, Set<String> labelled) {
    Map<Long, List<String>> byStory = new HashMap<>();
    storyOf.forEach((k, s) -> byStory.computeIfAbsent(s, x -> new ArrayList<>()).add(k));
    long all = 0;
    long known = 0;
    for (List<String> keys : byStory.values()) {
      for (int i = 0; i < keys.size(); i++) {
        for (int j = i + 1; j < keys.size(); j++) {
          all++;
          known += labelled.contains(key(keys.get(i), keys.get(j))) ? 1 : 0;
        }
      }
    }
    return new long[] {all, known};
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
  }
}
