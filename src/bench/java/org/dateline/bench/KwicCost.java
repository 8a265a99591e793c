package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.QueryFactory;
import org.dateline.search.kwic.Kwic;

/**
 * What KWIC costs a hit from offsets in the body's postings (the Matches API) and from re-analysing
 * the hit's text (as Lucene's highlighters do for a field without offsets): the body spans of each
 * query of a mix whose matches are its terms' occurrences ({@link Kwic#flatBodyTerms}), on its
 * first hits, both ways, alternating, and checked equal.
 */
public final class KwicCost {

  /** Per-hit microseconds of each way, and how many hits and queries were compared. */
  public record Result(
      int queries,
      int hits,
      int differing,
      double offsetsMeanMicros,
      double offsetsP50Micros,
      double reanalysisMeanMicros,
      double reanalysisP50Micros) {}

  private KwicCost() {}

  /** Runs the queries of {@code mix} (one a line, query before " | ") on {@code index}. */
  public static Result run(Path index, Path mix, int hitsPerQuery, int rounds) throws IOException {
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(mix)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        queries.add(line.split(" \\| ", 2)[0].strip());
      }
    }
    List<Long> offsets = new ArrayList<>();
    List<Long> reanalysis = new ArrayList<>();
    int[] counts = new int[3]; // queries, hits, differing
    try (Directory d = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (int round = 0; round < rounds; round++) {
        boolean timed = round > 0; // the first round warms up
        for (String q : queries) {
          compare(
              searcher,
              q,
              hitsPerQuery,
              timed ? offsets : null,
              timed ? reanalysis : null,
              timed ? counts : new int[3]);
        }
      }
    }
    long[] o = offsets.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] r = reanalysis.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result(
        counts[0] / Math.max(1, rounds - 1),
        counts[1] / Math.max(1, rounds - 1),
        counts[2],
        mean(o),
        p50(o),
        mean(r),
        p50(r));
  }

  private static void compare(
      IndexSearcher searcher,
      String q,
      int hits,
      List<Long> offsets,
      List<Long> reanalysis,
      int[] counts)
      throws IOException {
    Query rewritten;
    try {
      rewritten = searcher.rewrite(QueryFactory.parse(q));
    } catch (RuntimeException e) {
      return; // a query this index refuses (too many expansions): not a KWIC question
    }
    Set<BytesRef> terms = Kwic.flatBodyTerms(rewritten);
    if (terms == null || terms.isEmpty()) {
      return;
    }
    counts[0]++;
    Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc sd : searcher.search(rewritten, hits).scoreDocs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      Article a = Schema.toArticle(searcher.storedFields().document(sd.doc));
      long t0 = System.nanoTime();
      List<int[]> fromOffsets = Kwic.spans(weight, leaf, sd.doc - leaf.docBase, a.text(), null);
      long t1 = System.nanoTime();
      List<int[]> fromText = Kwic.termSpans(terms, a.text(), null);
      long t2 = System.nanoTime();
      counts[1]++;
      if (!same(fromOffsets, fromText)) {
        counts[2]++;
      }
      if (offsets != null) {
        offsets.add(t1 - t0);
        reanalysis.add(t2 - t1);
      }
    }
  }

  private static boolean same(List<int[]> a, List<int[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0) / 1e3;
  }

  private static double p50(long[] nanos) {
    return nanos.length == 0 ? 0 : nanos[nanos.length / 2] / 1e3;
  }
}
