package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * What every indexed field of an index holds, as one line per field that does not depend on the
 * order the documents were added in: the number of terms, and a digest of each term with its
 * document frequency, total frequency and the sums of its positions and offsets. Two indexes of the
 * same files made by a faster analysis path must give the same lines.
 */
public final class IndexTerms {

  private IndexTerms() {}

  /** Field name to its line, for every indexed field of the index in {@code dir}. */
  public static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (FieldInfo info : FieldInfos.getMergedFieldInfos(reader)) {
        Terms terms = MultiTerms.getTerms(reader, info.name);
        if (terms != null) {
          out.put(info.name, digest(terms, info.getIndexOptions()));
        }
      }
    }
    return out;
  }

  /** The fields whose lines differ between {@code a} and {@code b}, each with both lines. */
  public static List<String> compare(Map<String, String> a, Map<String, String> b) {
    List<String> differ = new ArrayList<>();
    Map<String, String> all = new TreeMap<>(a);
    b.forEach(all::putIfAbsent);
    for (String field : all.keySet()) {
      String x = a.get(field);
      String y = b.get(field);
      if (x == null || !x.equals(y)) {
        differ.add(field + ": " + x + " | " + y);
      }
    }
    return differ;
  }

  private static String digest(Terms terms, IndexOptions options) throws IOException {
    boolean positions = options.compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
    int flags = positions ? PostingsEnum.ALL : PostingsEnum.FREQS;
    long count = 0;
    long hash = 17;
    TermsEnum it = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = it.next(); term != null; term = it.next()) {
      count++;
      long sums = 0;
      postings = it.postings(postings, flags);
      while (postings.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
        if (!positions) {
          continue;
        }
        for (int i = 0; i < postings.freq(); i++) {
          sums +=
              postings.nextPosition() * 31L + postings.startOffset() * 7L + postings.endOffset();
        }
      }
      hash = hash * 1_000_003L + term.hashCode();
      hash = hash * 1_000_003L + it.docFreq();
      hash = hash * 1_000_003L + (options == IndexOptions.DOCS ? 0 : it.totalTermFreq());
      hash = hash * 1_000_003L + sums;
    }
    return String.format(Locale.ROOT, "%,d terms, digest %016x", count, hash);
  }
}
