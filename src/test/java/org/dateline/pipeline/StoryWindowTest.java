package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.ArticleIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The date window at scale: the ingest lookup finds a copy within the window even when more than
 * its top of older look-alikes match better, and the rebuild's memory forgets the articles dated
 * before the window.
 */
class StoryWindowTest {

  @TempDir Path work;

  private static final Instant QUERY_DATE = Instant.parse("2026-03-10T09:00:00Z");

  @Test
  void aCopyWithinTheWindowIsFoundBelowFiftyOlderExactCopies() throws IOException {
    Path src = work.resolve("src");
    List<Path> files = new ArrayList<>();
    // 55 exact copies of the wire, a year and more before: each shares all 64 MinHash values.
    for (int i = 0; i < 55; i++) {
      String name = String.format(Locale.ROOT, "old-%02d.txt", i);
      files.add(StoryFixtures.write(src, name, "Northern quay to close", StoryFixtures.WIRE));
      StoryFixtures.sidecar(
          src, name, "Gazette", QUERY_DATE.minusSeconds(86_400L * (400 + i)).toString());
    }
    // One copy within the window, the wire with a local paragraph added: it shares fewer values
    // and is written last, so it ranks below all 55.
    files.add(
        StoryFixtures.write(
            src,
            "new.txt",
            "Storm repairs shut quay",
            StoryFixtures.WIRE + "\n\n" + StoryFixtures.LOCAL));
    StoryFixtures.sidecar(src, "new.txt", "Courier", QUERY_DATE.minusSeconds(86_400).toString());
    Path index = work.resolve("index");
    try (ArticleIndex ai = ArticleIndex.open(index)) {
      new Indexer(
              TestIndexes.config(index).withIngestThreads(1),
              ai,
              Enricher.standard(EntityExtractor.NONE),
              IngestProgress.NONE)
          .run(files, false);
    }
    Fingerprint fp = Fingerprint.of("Northern quay to close", StoryFixtures.WIRE);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertEquals(56, reader.numDocs());
      // Without the window all 56 match and the copy within it is 56th.
      assertEquals(
          56,
          new org.apache.lucene.search.IndexSearcher(reader).count(StoryAssigner.candidates(fp)));
      long dateMs = QUERY_DATE.toEpochMilli();
      assertEquals(1, StoryAssigner.verifiedCopies(reader, "query", fp, dateMs));
      // Dated ten days later, nothing is within the window; undated, the window is that of the
      // archive's latest date (the copy of a day before), not the 55 copies of years before.
      assertEquals(0, StoryAssigner.verifiedCopies(reader, "query", fp, dateMs + 10 * 86_400_000L));
      assertEquals(1, StoryAssigner.verifiedCopies(reader, "query", fp, null));
    }
  }

  @Test
  void theRebuildForgetsArticlesDatedBeforeTheWindow() {
    String text = StoryFixtures.WIRE;
    RecentCopies recent = new RecentCopies();
    long day = 86_400_000L;
    recent.add(new RecentCopies.Copy("old", 1, 0L, Fingerprint.of("Quay", text)));
    recent.add(new RecentCopies.Copy("recent", 2, 10 * day, Fingerprint.of("Quay", text)));
    recent.add(new RecentCopies.Copy("undated", 3, null, Fingerprint.of("Quay", text)));
    Fingerprint fp = Fingerprint.of("Quay", text);
    assertEquals(3, recent.sharingMinHashes(fp, StoryAssigner.MIN_SHARED).size());
    recent.dropDatedBefore(10 * day);
    assertEquals(
        List.of("recent", "undated"),
        recent.sharingMinHashes(fp, StoryAssigner.MIN_SHARED).stream()
            .map(c -> c.articleId)
            .toList());
  }
}
