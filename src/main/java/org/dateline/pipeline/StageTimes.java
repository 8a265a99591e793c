package org.dateline.pipeline;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.Recognition;

/**
 * Always-on counters of where an indexing run spends its time, by stage: parse (reading the file
 * through Tika or a format reader), enrich (dates, outlet, agencies, language; without entity
 * recognition), ner (entity recognition), index (building Lucene documents and adding them to the
 * writer) and commit. Parse, enrich, ner and index are summed over the worker threads (thread time,
 * so with two workers they can add up to twice the wall time); commit is wall time, as commits are
 * serialised. Each stage costs two {@link System#nanoTime} calls and one {@link LongAdder} add per
 * file or article. Thread-safe.
 */
public final class StageTimes {

  /** Stage names in pipeline order, as printed and written to JSON. */
  public static final List<String> STAGES = List.of("parse", "enrich", "ner", "index", "commit");

  private final LongAdder parse = new LongAdder();
  private final LongAdder enrich = new LongAdder();
  private final LongAdder ner = new LongAdder();
  private final LongAdder index = new LongAdder();
  private final LongAdder commit = new LongAdder();

  /** Figures of a finished run, in milliseconds. */
  public record Snapshot(long parseMs, long enrichMs, long nerMs, long indexMs, long commitMs) {
    public static final Snapshot NONE = new Snapshot(0, 0, 0, 0, 0);

    /** The stages' milliseconds in {@link #STAGES} order. */
    public long[] asArray() {
      return new long[] {parseMs, enrichMs, nerMs, indexMs, commitMs};
    }
  }

  void addParse(long nanos) {
    parse.add(nanos);
  }

  /** Enrichment time including NER; NER's own share is subtracted in {@link #snapshot}. */
  void addEnrich(long nanos) {
    enrich.add(nanos);
  }

  void addIndex(long nanos) {
    index.add(nanos);
  }

  void addCommit(long nanos) {
    commit.add(nanos);
  }

  /** Wraps {@code extractor} so its time is counted as the NER stage. */
  public EntityExtractor timed(EntityExtractor extractor) {
    if (extractor == EntityExtractor.NONE) {
      return extractor; // stays NONE, so the enricher skips entity work altogether
    }
    return new EntityExtractor() {
      @Override
      public List<Mention> extract(String text) {
        return recognise(text).mentions();
      }

      @Override
      public Recognition recognise(String text) {
        long t0 = System.nanoTime();
        try {
          return extractor.recognise(text);
        } finally {
          ner.add(System.nanoTime() - t0);
        }
      }
    };
  }

  public Snapshot snapshot() {
    long nerNanos = ner.sum();
    return new Snapshot(
        ms(parse.sum()),
        ms(Math.max(0, enrich.sum() - nerNanos)),
        ms(nerNanos),
        ms(index.sum()),
        ms(commit.sum()));
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
