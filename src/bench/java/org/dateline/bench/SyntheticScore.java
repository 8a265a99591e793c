package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.CopyRule;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.enrich.story.Overlap;
import org.dateline.index.Schema;

/**
 * Scores the stories ingest made of a {@link SyntheticStories} set against the set's own truth:
 * pair recall of (wire copy, outlet copy) by the share of the text the outlet kept, B-cubed
 * precision, recall and F1 over every copy, stories that mix copies of two sources, and whether the
 * earliest copy of the story holding the wire copy is the wire copy (the one a story shows first),
 * or the wire copy of a source whose text is a copy of this one.
 */
public final class SyntheticScore {

  /** Pairs found out of pairs, for outlet copies keeping a share of the text in [from, to). */
  public record Band(
      String corpus, double from, double to, long pairs, long found, double recall) {}

  /** The figures. */
  public record Score(
      long copies,
      long stories,
      List<Band> bands,
      double bcubedPrecision,
      double bcubedRecall,
      double bcubedF1,
      long missedJoinable,
      long missedBelowJoinRule,
      long missedAsTemplate,
      long mixedStories,
      long mixedOfCopiedSources,
      long wireFirst,
      long sources) {}

  private SyntheticScore() {}

  /** The story each copy of {@code copies} was put in by the index in {@code indexDir}. */
  public static Score score(List<SyntheticStories.Copy> copies, Path setDir, Path indexDir)
      throws IOException {
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
    for (String corpus : List.of("all", "reuters", "bbc")) {
      for (double[] band : new double[][] {{0.8, 1.01}, {0.5, 0.8}, {0.0, 0.5}}) {
        long pairs = 0;
        long found = 0;
        for (SyntheticStories.Copy c : copies) {
          if (c.copy() > 0
              && c.kept() >= band[0]
              && c.kept() < band[1]
              && (corpus.equals("all") || corpus.equals(c.corpus()))) {
            pairs++;
            SyntheticStories.Copy wire = bySource.get(c.story()).get(0);
            found += storyOf.get(c.file()).equals(storyOf.get(wire.file())) ? 1 : 0;
          }
        }
        bands.add(
            new Band(
                corpus, band[0], band[1], pairs, found, pairs == 0 ? 1 : (double) found / pairs));
      }
    }
    // A missed (wire, outlet) pair is either below the join rule itself (the texts differ too much)
    // or joinable by it but not found (candidate lookup, time window, best-match choice).
    long joinable = 0;
    long below = 0;
    long template = 0;
    for (SyntheticStories.Copy c : copies) {
      SyntheticStories.Copy wire = bySource.get(c.story()).get(0);
      if (c.copy() > 0 && !storyOf.get(c.file()).equals(storyOf.get(wire.file()))) {
        Fingerprint w = fingerprint(setDir, wire);
        Fingerprint o = fingerprint(setDir, c);
        boolean joins = CopyRule.copies(w, o);
        Overlap overlap = Overlap.of(w, o);
        template += !joins && overlap.joins() ? 1 : 0;
        joinable += joins ? 1 : 0;
        below += joins ? 0 : 1;
      }
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
    long mixed = 0;
    long mixedOfCopies = 0;
    for (List<SyntheticStories.Copy> cluster : byStory.values()) {
      List<Integer> sources =
          cluster.stream().map(SyntheticStories.Copy::story).distinct().toList();
      if (sources.size() > 1) {
        mixed++;
        mixedOfCopies += sourcesAreCopies(sources, bySource, setDir) ? 1 : 0;
      }
    }
    long wireFirst = 0;
    for (List<SyntheticStories.Copy> source : bySource.values()) {
      SyntheticStories.Copy wire = source.get(0);
      SyntheticStories.Copy earliest =
          byStory.get(storyOf.get(wire.file())).stream()
              .min(java.util.Comparator.comparingLong(SyntheticStories.Copy::dateMs))
              .orElseThrow();
      // Where two sources' own texts are copies (the corpora hold some stories twice), the story
      // rightly holds both, and the other source's wire copy may be the earlier of the two.
      boolean first =
          earliest.file().equals(wire.file())
              || (earliest.file().equals(bySource.get(earliest.story()).get(0).file())
                  && sourcesAreCopies(List.of(wire.story(), earliest.story()), bySource, setDir));
      wireFirst += first ? 1 : 0;
    }
    return new Score(
        copies.size(),
        byStory.size(),
        bands,
        p,
        r,
        2 * p * r / (p + r),
        joinable,
        below,
        template,
        mixed,
        mixedOfCopies,
        wireFirst,
        bySource.size());
  }

  /**
   * Whether the wire copies of {@code sources} are themselves copies of one another by the join
   * rule (the corpora hold some stories twice): then one story for them is right, not a false join.
   */
  private static boolean sourcesAreCopies(
      List<Integer> sources, Map<Integer, List<SyntheticStories.Copy>> bySource, Path setDir)
      throws IOException {
    List<Fingerprint> wires = new ArrayList<>();
    for (int source : sources) {
      wires.add(fingerprint(setDir, bySource.get(source).get(0)));
    }
    for (int i = 1; i < wires.size(); i++) {
      if (!CopyRule.copies(wires.get(0), wires.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The fingerprint of a copy's text as written (title line, body), as ingest reads it. */
  private static Fingerprint fingerprint(Path setDir, SyntheticStories.Copy copy)
      throws IOException {
    String text = Files.readString(setDir.resolve(copy.file()));
    return Fingerprint.of(text.substring(0, text.indexOf('\n')), text);
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
