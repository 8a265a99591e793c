package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;

/**
 * Two indexes of the same articles whose stored forms differ (issue 20: the meta as JSON in schema
 * 9, as bytes in 10), compared as they are: whether every article reads back the same from both,
 * and what turning one hit's stored document into an article costs in each, with and without
 * reading the document (rounds alternate; the first warms up).
 */
public final class StoredFormCost {

  /** One index's cost per hit in microseconds: the whole read, then the decoding alone. */
  public record Form(
      Path dir,
      long bytes,
      double readP50Micros,
      double readMeanMicros,
      double decodeP50Micros,
      double decodeMeanMicros) {}

  /** Articles read from both (by id), those that differ, and the ids of the first few. */
  public record Sameness(long compared, long differ, long missing, List<String> firstDiffering) {}

  private StoredFormCost() {}

  /** Every live article of {@code a} against the article of the same id in {@code b}. */
  public static Sameness compare(Path a, Path b) throws IOException {
    Map<String, Article> byId = new HashMap<>();
    BenchFiles.forEachStored(b, doc -> byId.put(doc.get(Schema.ID), Schema.toArticle(doc)));
    long[] counts = new long[3];
    List<String> first = new ArrayList<>();
    BenchFiles.forEachStored(
        a,
        doc -> {
          Article mine = Schema.toArticle(doc);
          Article theirs = byId.get(mine.id());
          counts[0]++;
          if (theirs == null) {
            counts[2]++;
          } else if (!mine.equals(theirs)) {
            counts[1]++;
            if (first.size() < 5) {
              first.add(mine.id());
            }
          }
        });
    return new Sameness(counts[0], counts[1], counts[2], first);
  }

  /** {@code hits} random documents of each index per round, {@code rounds} rounds in turn. */
  public static List<Form> time(List<Path> dirs, int hits, int rounds, long seed)
      throws IOException {
    List<long[]> read = new ArrayList<>();
    List<long[]> decode = new ArrayList<>();
    int timed = Math.max(1, rounds - 1);
    for (int i = 0; i < dirs.size(); i++) {
      read.add(new long[hits * timed]);
      decode.add(new long[hits * timed]);
    }
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < dirs.size(); i++) {
        int from = round == 0 ? 0 : (round - 1) * hits;
        long[] r = round == 0 ? new long[hits] : read.get(i);
        long[] d = round == 0 ? new long[hits] : decode.get(i);
        round(dirs.get(i), hits, seed + round, r, d, from);
      }
    }
    List<Form> out = new ArrayList<>();
    for (int i = 0; i < dirs.size(); i++) {
      long[] r = read.get(i);
      long[] d = decode.get(i);
      Arrays.sort(r);
      Arrays.sort(d);
      out.add(
          new Form(
              dirs.get(i),
              BenchFiles.sizeOf(dirs.get(i)),
              r[r.length / 2] / 1e3,
              Arrays.stream(r).average().orElse(0) / 1e3,
              d[d.length / 2] / 1e3,
              Arrays.stream(d).average().orElse(0) / 1e3));
    }
    return out;
  }

  /** One round: each hit read as a search reads it, then its document decoded again alone. */
  private static void round(Path dir, int hits, long seed, long[] read, long[] decode, int from)
      throws IOException {
    try (Directory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Random random = new Random(seed);
      int[] docs = new int[hits];
      Document[] documents = new Document[hits];
      long chars = 0;
      for (int i = 0; i < hits; i++) {
        docs[i] = random.nextInt(reader.maxDoc());
        long start = System.nanoTime();
        Document doc = searcher.storedFields().document(docs[i]);
        chars += Schema.toArticle(doc).mentions().size();
        read[from + i] = System.nanoTime() - start;
        documents[i] = doc;
      }
      for (int i = 0; i < hits; i++) {
        long start = System.nanoTime();
        chars += Schema.toArticle(documents[i]).mentions().size();
        decode[from + i] = System.nanoTime() - start;
      }
      StoredValuesCost.CHARS_READ.addAndGet(chars); // kept, so the reads cannot be optimised away
    }
  }
}
