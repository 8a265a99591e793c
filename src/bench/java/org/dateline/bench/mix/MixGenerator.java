package org.dateline.bench.mix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dateline.enrich.Article;

/**
 * Builds a benchmark mix from an archive's own index: queries of every kind in set shares (see
 * {@link #SHARES}), each in the variants of {@link MixVariants}, distinct, shuffled; the same seed
 * on the same index gives the same mix.
 */
public final class MixGenerator {

  /** Query kinds and their share of the distinct queries, in percent. */
  public static final Map<String, Integer> SHARES = shares();

  /** Found articles a query's filters and dates are drawn from. */
  private static final int FOUND_SAMPLE = 50;

  /** Draws allowed per query wanted before a kind is given up as impossible on this archive. */
  private static final int DRAWS_PER_QUERY = 200;

  private MixGenerator() {}

  private static Map<String, Integer> shares() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("word-rare", 10);
    m.put("word-uncommon", 10);
    m.put("word-common", 10);
    m.put("word-frequent", 7);
    m.put("words-2", 15);
    m.put("words-3", 10);
    m.put("phrase-title", 13);
    m.put("boolean", 10);
    m.put("proximity", 8);
    m.put("wildcard", 4);
    m.put("fuzzy", 3);
    return Collections.unmodifiableMap(m);
  }

  /** At least {@code requests} distinct requests (when the archive allows) from {@code index}. */
  public static List<MixRequest> generate(Path index, long seed, int requests) throws IOException {
    Random random = new Random(seed);
    Map<String, MixRequest> byLine = new LinkedHashMap<>();
    Set<String> queries = new LinkedHashSet<>();
    try (ArchiveSample archive = new ArchiveSample(index)) {
      QueryMaker maker = new QueryMaker(archive, random);
      // Each query gives up to four requests; rounds of a quarter of the target, in shares.
      while (byLine.size() < requests) {
        int before = byLine.size();
        int round = Math.max(1, (requests - byLine.size() + 3) / 4);
        for (Map.Entry<String, Integer> kind : SHARES.entrySet()) {
          int want = Math.max(1, Math.round(round * kind.getValue() / 100f));
          addKind(archive, maker, random, kind.getKey(), want, queries, byLine);
        }
        if (byLine.size() == before) {
          break; // the archive gives no more distinct requests
        }
      }
    }
    List<MixRequest> mix = new ArrayList<>(byLine.values());
    Collections.shuffle(mix, random);
    return mix;
  }

  private static void addKind(
      ArchiveSample archive,
      QueryMaker maker,
      Random random,
      String kind,
      int want,
      Set<String> queries,
      Map<String, MixRequest> byLine)
      throws IOException {
    int added = 0;
    for (int draw = 0; draw < want * DRAWS_PER_QUERY && added < want; draw++) {
      QueryMaker.Made made = maker.make(kind);
      if (made == null || queries.contains(made.query())) {
        continue;
      }
      List<Article> found = new ArrayList<>();
      for (int doc : archive.matching(made.query(), FOUND_SAMPLE)) {
        found.add(archive.article(doc));
      }
      if (found.isEmpty()) {
        continue; // a query that finds nothing tells little about speed
      }
      queries.add(made.query());
      added++;
      for (MixRequest r : MixVariants.of(kind, made.query(), found, random)) {
        byLine.putIfAbsent(r.toLine(), r);
      }
    }
  }
}
