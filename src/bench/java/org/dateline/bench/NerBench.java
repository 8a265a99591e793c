package org.dateline.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dateline.bench.NerCorpora.Gold;
import org.dateline.bench.NerCorpora.Story;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;

/**
 * Scores a recogniser with CoNLL's rule: a predicted entity counts only when its span and type both
 * equal a gold entity's. Precision, recall and F1 per type and micro-averaged over the three types;
 * throughput in tokens per second over several threads.
 */
public final class NerBench {

  /** Counts for one type (or all). */
  public record Score(long truePositives, long falsePositives, long falseNegatives) {
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(long a, long b) {
      return b == 0 ? 0 : (double) a / b;
    }
  }

  /**
   * Scores by type plus the micro average; {@code spans} ignores the type (only the boundaries must
   * match), which separates finding names from typing them where a corpus types by role (GUM calls
   * a country that acts, e.g. a national team, an organization).
   */
  public record Result(
      String corpus,
      int stories,
      long tokens,
      Map<EntityType, Score> byType,
      Score micro,
      Score spans) {}

  /**
   * Throughput over {@code threads} threads: each pass recognises every story once. Wall-clock
   * figures depend on what else the machine runs; tokens per CPU-second (summed over the threads'
   * own CPU time) do not, and say what one free core would do.
   */
  public record Throughput(
      int threads,
      long tokensPerPass,
      List<Double> tokensPerSecond,
      double median,
      double tokensPerCpuSecond) {}

  private NerBench() {}

  public static Result score(String corpus, List<Story> stories, EntityExtractor ner) {
    Map<EntityType, long[]> counts = new EnumMap<>(EntityType.class);
    for (EntityType t : EntityType.values()) {
      counts.put(t, new long[3]);
    }
    long tokens = 0;
    long[] spans = new long[3];
    for (Story story : stories) {
      tokens += story.tokens();
      Set<Gold> gold = new HashSet<>(story.gold());
      Set<Gold> predicted = new HashSet<>();
      for (Mention m : ner.extract(story.text())) {
        predicted.add(new Gold(m.start(), m.end(), m.type()));
      }
      for (Gold p : predicted) {
        counts.get(p.type())[gold.contains(p) ? 0 : 1]++;
      }
      for (Gold g : gold) {
        if (!predicted.contains(g)) {
          counts.get(g.type())[2]++;
        }
      }
      countSpans(gold, predicted, spans);
    }
    Map<EntityType, Score> byType = new EnumMap<>(EntityType.class);
    long[] all = new long[3];
    counts.forEach(
        (t, c) -> {
          byType.put(t, new Score(c[0], c[1], c[2]));
          for (int i = 0; i < 3; i++) {
            all[i] += c[i];
          }
        });
    return new Result(
        corpus,
        stories.size(),
        tokens,
        byType,
        new Score(all[0], all[1], all[2]),
        new Score(spans[0], spans[1], spans[2]));
  }

  private static void countSpans(Set<Gold> gold, Set<Gold> predicted, long[] into) {
    Set<List<Integer>> g = new HashSet<>();
    gold.forEach(x -> g.add(List.of(x.start(), x.end())));
    Set<List<Integer>> p = new HashSet<>();
    predicted.forEach(x -> p.add(List.of(x.start(), x.end())));
    for (List<Integer> x : p) {
      into[g.contains(x) ? 0 : 1]++;
    }
    for (List<Integer> x : g) {
      if (!p.contains(x)) {
        into[2]++;
      }
    }
  }

  /** Recognises every story {@code passes} times on {@code threads} threads; one figure a pass. */
  public static Throughput throughput(
      List<Story> stories, EntityExtractor ner, int threads, int passes)
      throws InterruptedException, ExecutionException {
    long tokens = stories.stream().mapToLong(Story::tokens).sum();
    List<Double> rates = new ArrayList<>();
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int p = 0; p < passes; p++) {
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (Story s : stories) {
          done.add(
              pool.submit(
                  () -> {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    ner.extract(s.text());
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - c0);
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        rates.add(tokens / ((System.nanoTime() - t0) / 1e9));
      }
    } finally {
      pool.shutdownNow();
    }
    List<Double> sorted = new ArrayList<>(rates);
    sorted.sort(Double::compare);
    return new Throughput(
        threads,
        tokens,
        rates,
        sorted.get(sorted.size() / 2),
        tokens * (double) passes / (cpuNanos.get() / 1e9));
  }
}
