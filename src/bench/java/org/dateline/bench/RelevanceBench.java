package org.dateline.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Precision in the first 10 hits and recall in the first 100, averaged over judged queries (issue
 * 18): what an engine finds of what is meant, with Reuters-21578's topic labels as the judgements.
 * A query counts every story labelled with its topic as relevant, and nothing else.
 */
public final class RelevanceBench {

  /** Hits per query that recall is measured in. */
  public static final int DEPTH = 100;

  /** Hits per query that precision is measured in. */
  public static final int TOP = 10;

  private RelevanceBench() {}

  /** An engine under test: the NEWIDs of its first {@code n} hits for {@code query}, best first. */
  public interface Engine {
    List<String> top(String query, int n) throws IOException;
  }

  /** One query's figures. */
  public record QueryScore(String topic, String query, int relevant, double p10, double r100) {}

  /** The mean figures of one engine (or one setting of it) over the queries. */
  public record Scores(
      String name, double precisionAt10, double recallAt100, List<QueryScore> each) {}

  /** Runs every query on {@code engine} and scores its answers against the topic labels. */
  public static Scores score(
      String name, Engine engine, List<ReutersTopics.Judged> queries, ReutersTopics topics)
      throws IOException {
    List<QueryScore> each = new ArrayList<>();
    double p10 = 0;
    double r100 = 0;
    for (ReutersTopics.Judged q : queries) {
      Set<String> relevant = topics.stories(q.topic());
      if (relevant.isEmpty()) {
        throw new IOException(
            "topic '" + q.topic() + "' labels no story (query: " + q.query() + ")");
      }
      List<String> hits = engine.top(q.query(), DEPTH);
      double p = found(hits.subList(0, Math.min(TOP, hits.size())), relevant) / (double) TOP;
      double r = found(hits, relevant) / (double) Math.min(relevant.size(), DEPTH);
      each.add(new QueryScore(q.topic(), q.query(), relevant.size(), p, r));
      p10 += p;
      r100 += r;
    }
    return new Scores(name, p10 / queries.size(), r100 / queries.size(), each);
  }

  private static int found(List<String> hits, Set<String> relevant) {
    int n = 0;
    for (String id : hits) {
      if (relevant.contains(id)) {
        n++;
      }
    }
    return n;
  }
}
