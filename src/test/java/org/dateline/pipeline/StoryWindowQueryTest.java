package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dateline.StoryFixtures;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.Test;

/**
 * The candidate query with the window leading ({@link StoryWindow}) finds exactly the MinHash
 * matches dated within the window or undated: at the window's edges where the local time lies
 * outside it (a stated UTC offset), for undated articles, and for articles with an instant but no
 * local date (as written before that field existed), in one segment or several.
 */
class StoryWindowQueryTest {

  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long D = 1_773_133_200_000L; // 2026-03-10T09:00:00Z
  private static final Fingerprint WIRE = Fingerprint.of("Quay", StoryFixtures.WIRE);
  private static final Fingerprint OTHER = Fingerprint.of("Harbour", StoryFixtures.LOCAL);

  @Test
  void findsTheCopiesWithinTheWindowOrUndatedAndNoOthers() throws IOException {
    for (boolean segmentEach : new boolean[] {false, true}) {
      try (Directory dir = new ByteBuffersDirectory()) {
        try (IndexWriter w =
            new IndexWriter(
                dir,
                // no merge at commit: one segment each means that
                new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
          add(w, segmentEach, "edge-before-local-earlier", WIRE, D - 7 * DAY, -12 * HOUR);
          add(w, segmentEach, "edge-after-local-later", WIRE, D + 7 * DAY, 14 * HOUR);
          add(w, segmentEach, "just-after-local-earlier", WIRE, D + 7 * DAY + 1, -12 * HOUR);
          // outside by its instant, its local time well inside (not a day inside: checked)
          add(w, segmentEach, "just-before-local-later", WIRE, D - 7 * DAY - 1, 14 * HOUR);
          add(w, segmentEach, "month-before", WIRE, D - 30 * DAY, 0L);
          add(w, segmentEach, "undated", WIRE, null, null);
          add(w, segmentEach, "instant-only-within", WIRE, D + 3 * DAY, null);
          add(w, segmentEach, "instant-only-outside", WIRE, D + 9 * DAY, null);
          add(w, segmentEach, "other-text-within", OTHER, D, 0L);
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          assertEquals(8, searcher.count(StoryAssigner.candidates(WIRE)));
          List<String> expected =
              List.of(
                  "edge-after-local-later",
                  "edge-before-local-earlier",
                  "instant-only-within",
                  "undated");
          assertEquals(expected, found(searcher, D), "one segment each: " + segmentEach);
          // Again on the same reader: the per-segment sets come from the cache now.
          assertEquals(expected, found(searcher, D), "again, one segment each: " + segmentEach);
          assertEquals(
              List.of("month-before", "undated"),
              found(searcher, D - 30 * DAY - 7 * DAY),
              "the window's other edge: " + segmentEach);
        }
      }
    }
  }

  /** The ids the lookup's query finds for the wire dated {@code dateMs}, sorted. */
  private static List<String> found(IndexSearcher searcher, long dateMs) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    for (ScoreDoc sd : searcher.search(StoryAssigner.candidates(WIRE, dateMs), 50).scoreDocs) {
      ids.add(searcher.storedFields().document(sd.doc).get(Schema.ID));
    }
    return new ArrayList<>(ids);
  }

  /**
   * An article with the story fields of {@code fp}; its instant {@code dateMs} (null: undated) and
   * a local date moved by {@code offsetMs} (null: none written, as before schema 3).
   */
  private static void add(
      IndexWriter w, boolean commit, String id, Fingerprint fp, Long dateMs, Long offsetMs)
      throws IOException {
    Document doc = Schema.storyFields(new StoryStamp(1, fp), dateMs == null);
    doc.add(new StringField(Schema.ID, id, Field.Store.YES));
    if (dateMs != null) {
      doc.add(new NumericDocValuesField(Schema.DATE, dateMs));
    }
    if (dateMs != null && offsetMs != null) {
      doc.add(new LongPoint(Schema.LOCAL_DATE, dateMs + offsetMs));
      doc.add(new NumericDocValuesField(Schema.LOCAL_DATE, dateMs + offsetMs));
    }
    w.addDocument(doc);
    if (commit) {
      w.commit();
    }
  }
}
