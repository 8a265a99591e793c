package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories assigned at ingest through the real pipeline: copies in one batch find each other, a copy
 * arriving in a later run joins the story already in the index, short notices join only on their
 * exact text and title, and the five seed articles (one event, five texts) stay apart.
 */
class StoryAssignerTest {

  @TempDir Path work;

  private static final String NOTICE =
      "Qtly div 15 cts vs 12 cts prior. Pay April 10. Record March 20.";

  private void write(String name, String title, String body) throws IOException {
    StoryFixtures.write(work.resolve("src"), name, title, body);
  }

  /** Story id by source file name, read back from the index. */
  static Map<String, Long> storiesByFile(Path index) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (var leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document doc = stored.document(d);
            out.put(
                Path.of(Schema.toArticle(doc).path()).getFileName().toString(),
                Schema.storyOf(doc));
          }
        }
      }
    }
    return out;
  }

  @Test
  void copiesInOneBatchAndInALaterRunJoinOneStory() throws IOException {
    String[] p = StoryFixtures.WIRE.split("\n\n");
    write("wire.txt", "Northern quay to close for repairs", StoryFixtures.WIRE + "\n\nReuter");
    write(
        "cut.txt",
        "Quay closed",
        "LONDON (Reuters) - "
            + p[0]
            + "\n\n"
            + p[1]
            + "\n\n"
            + p[2]
            + "\n\n(Reporting by Jane Doe; Editing by John Roe)");
    write(
        "local.txt", "Storm repairs shut quay", StoryFixtures.WIRE + "\n\n" + StoryFixtures.LOCAL);
    write("other.txt", "Bankers jailed", StoryFixtures.OTHER);
    write("div-acme.txt", "Acme Corp raises quarterly dividend", NOTICE);
    write("div-acme-copy.txt", "ACME CORP RAISES QUARTERLY DIVIDEND", NOTICE + "\nReuter");
    write("div-zenith.txt", "Zenith Inc raises quarterly dividend", NOTICE);
    Path index = work.resolve("index");
    TestIndexes.index(index, false, work.resolve("src"));
    Map<String, Long> stories = storiesByFile(index);
    assertEquals(7, stories.size());
    assertEquals(4, new HashSet<>(stories.values()).size(), stories.toString());
    assertEquals(stories.get("wire.txt"), stories.get("cut.txt"));
    assertEquals(stories.get("wire.txt"), stories.get("local.txt"));
    assertEquals(stories.get("div-acme.txt"), stories.get("div-acme-copy.txt"));
    assertNotEquals(stories.get("div-acme.txt"), stories.get("div-zenith.txt"));
    assertNotEquals(stories.get("wire.txt"), stories.get("other.txt"));

    // A later run: a copy with the last paragraph cut joins the story in the index; a text that
    // keeps only its first paragraph, then goes its own way, does not.
    write("later.txt", "Quay shut", p[0] + "\n\n" + p[1] + "\n\n" + p[2]);
    write(
        "half.txt",
        "Quay and council",
        p[0]
            + "\n\nThe mayor said the city would pay for"
            + " temporary moorings in the river and that the fish market would stay open on Sundays"
            + " until the repairs are finished.");
    TestIndexes.index(index, false, work.resolve("src"));
    Map<String, Long> after = storiesByFile(index);
    assertEquals(stories.get("wire.txt"), after.get("later.txt"));
    assertEquals(5, new HashSet<>(after.values()).size(), after.toString());
    // Re-ingesting a changed copy keeps it in its story (it does not match itself).
    write("cut.txt", "Quay closed, fishermen angry", p[0] + "\n\n" + p[1] + "\n\n" + p[2]);
    TestIndexes.index(index, false, work.resolve("src"));
    assertEquals(stories.get("wire.txt"), storiesByFile(index).get("cut.txt"));
  }

  @Test
  void reclusterRebuildsInPublicationOrderTheSameWayEveryTime() throws IOException {
    Path src = work.resolve("src");
    // The latest copy is written first: at ingest it begins the story.
    write(
        "a-late.txt",
        "Quay shut",
        StoryFixtures.paragraph(0)
            + "\n\n"
            + StoryFixtures.paragraph(1)
            + "\n\n"
            + StoryFixtures.paragraph(2));
    StoryFixtures.sidecar(src, "a-late.txt", "Gazette", "2026-03-04T08:00:00Z");
    write("b-wire.txt", "Northern quay to close", StoryFixtures.WIRE);
    StoryFixtures.sidecar(src, "b-wire.txt", "Reuters", "2026-03-02T09:00:00Z");
    write("c-other.txt", "Bankers jailed", StoryFixtures.OTHER);
    StoryFixtures.sidecar(src, "c-other.txt", "Times", "2026-03-01T09:00:00Z");
    Path index = work.resolve("index");
    try (org.dateline.index.ArticleIndex ai = org.dateline.index.ArticleIndex.open(index)) {
      new Indexer(
              TestIndexes.config(index).withIngestThreads(1),
              ai,
              org.dateline.enrich.Enricher.standard(
                  org.dateline.enrich.entities.EntityExtractor.NONE),
              IngestProgress.NONE)
          .run(
              java.util.List.of(
                  src.resolve("a-late.txt"), src.resolve("b-wire.txt"), src.resolve("c-other.txt")),
              false);
      Map<String, Long> before = storiesByFile(index);
      assertEquals(before.get("a-late.txt"), before.get("b-wire.txt"));
      StoryRebuild.Result first = StoryRebuild.run(ai);
      assertEquals(3, first.articles());
      assertEquals(2, first.stories());
      assertEquals(2, first.changed()); // the wire and the late copy take the wire's story id
    }
    Map<String, Long> after = storiesByFile(index);
    Map<String, String> ids = new TreeMap<>();
    for (var a : TestIndexes.storedArticles(index)) {
      ids.put(Path.of(a.path()).getFileName().toString(), a.id());
    }
    // Now the earliest copy, the wire, began the story: its id is the wire article's story id.
    long wireStory = org.dateline.index.StoryStamp.storyIdOf(ids.get("b-wire.txt"));
    assertEquals(wireStory, after.get("b-wire.txt"));
    assertEquals(wireStory, after.get("a-late.txt"));
    assertEquals(
        org.dateline.index.StoryStamp.storyIdOf(ids.get("c-other.txt")), after.get("c-other.txt"));
    try (org.dateline.index.ArticleIndex ai = org.dateline.index.ArticleIndex.open(index)) {
      StoryRebuild.Result again = StoryRebuild.run(ai);
      assertEquals(3, again.articles());
      assertEquals(2, again.stories());
      assertEquals(0, again.changed());
    }
    assertEquals(after, storiesByFile(index));
  }

  @Test
  void theFiveSeedArticlesAreFiveStories() throws IOException {
    Path index = work.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    Map<String, Long> stories = storiesByFile(index);
    assertEquals(5, stories.size());
    assertEquals(5, new HashSet<>(stories.values()).size());
  }
}
