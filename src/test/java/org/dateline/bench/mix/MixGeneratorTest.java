package org.dateline.bench.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.bench.CorpusStories;
import org.dateline.enrich.Article;
import org.dateline.index.ArticleIndex;
import org.dateline.index.SourceFile;
import org.dateline.search.QueryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mix generator on the first two files of Reuters-21578 (2,000 stories, codes as entities). */
class MixGeneratorTest {

  @TempDir static Path tmp;

  private static Path index;

  /** The mix of seed 5, drawn once for the tests that only read it. */
  private static List<MixRequest> mix;

  @BeforeAll
  static void indexTwoReutersFiles() throws IOException {
    Path corpus = TestIndexes.sharedCorpus("reuters21578");
    assumeTrue(corpus != null, "Reuters-21578 is not beside the project");
    Path sgm = Files.createDirectories(tmp.resolve("sgm"));
    for (String f : List.of("reut2-000.sgm", "reut2-001.sgm")) {
      Files.copy(corpus.resolve("sgm").resolve(f), sgm.resolve(f));
    }
    index = tmp.resolve("index");
    try (ArticleIndex writer = ArticleIndex.open(index)) {
      int n = 0;
      for (Article a : CorpusStories.reutersArticles(sgm)) {
        writer.add(new SourceFile(a.path() + "#" + n++, 1, 1, "h"), List.of(a));
      }
      writer.commit(java.util.Map.of());
    }
    mix = MixGenerator.generate(index, 5, 240);
  }

  @Test
  void sameSeedSameMixAnotherSeedAnother() throws IOException {
    List<MixRequest> a = mix;
    List<MixRequest> b = MixGenerator.generate(index, 5, 240);
    List<MixRequest> c = MixGenerator.generate(index, 6, 240);
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertTrue(a.size() >= 240, "only " + a.size() + " requests");
    assertEquals(a.size(), a.stream().map(MixRequest::toLine).distinct().count());
  }

  @Test
  void everyKindAndVariantIsThereAndEveryRequestFindsSomething() throws IOException {
    assertEquals(
        MixGenerator.SHARES.keySet(),
        mix.stream().map(MixRequest::queryKind).collect(Collectors.toSet()));
    assertEquals(
        Set.copyOf(MixVariants.VARIANTS),
        mix.stream().map(MixRequest::variant).collect(Collectors.toSet()));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Set<String> empty = new TreeSet<>();
      for (MixRequest r : mix) {
        if (searcher.count(QueryFactory.parse(asOneQuery(r))) == 0) {
          empty.add(r.toLine());
        }
      }
      assertEquals(Set.of(), empty);
    }
  }

  @Test
  void twoFiltersAreOfTwoDimensions() throws IOException {
    for (MixRequest r : mix) {
      assertEquals(
          r.filters().size(),
          r.filters().stream().map(MixRequest.Filter::dim).distinct().count(),
          r.toLine());
      assertEquals(
          r.variant().equals("two-filters") ? 2 : r.variant().equals("one-filter") ? 1 : 0,
          r.filters().size());
    }
  }

  /** The request as one Dateline query: its body query, filters as field terms, the date range. */
  private static String asOneQuery(MixRequest r) {
    StringBuilder q = new StringBuilder("body:(" + r.query() + ")");
    for (MixRequest.Filter f : r.filters()) {
      q.append(" AND ").append(f.dim()).append(":\"").append(f.value()).append('"');
    }
    if (r.from() != null) {
      q.append(" AND date:[").append(r.from()).append(" TO ").append(r.to()).append(']');
    }
    return q.toString();
  }
}
