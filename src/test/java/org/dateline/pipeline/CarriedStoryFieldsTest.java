package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.FSDirectory;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity pass writes an article again with the MinHash values the index holds for it instead of
 * fingerprinting its text again: the story fields written are the same either way. On one
 * Reuters-21578 file (1,000 stories, long ones and short notices) indexed with stories, every
 * article's carried values give exactly the fields {@link StoryStamp#stored} (the text read again)
 * gives, dated or undated (an undated article's MinHash terms too); a short notice carries none and
 * is fingerprinted again, its exact hash with it.
 */
class CarriedStoryFieldsTest {

  @TempDir Path work;

  @Test
  void carriedValuesWriteTheSameStoryFieldsAsTheTextReadAgain() throws IOException {
    Path files = Files.createDirectories(work.resolve("files"));
    Files.createSymbolicLink(
        files.resolve("reut2-003.sgm"),
        TestIndexes.sharedOrSkip("reuters21578", "sgm/reut2-003.sgm"));
    Path index = work.resolve("index");
    TestIndexes.index(index, false, files);
    List<EntityPass.Stored> stored = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      EntityPass.forEachStored(new IndexSearcher(reader), new MatchAllDocsQuery(), stored::add);
    }
    assertEquals(1000, stored.size());
    int carried = 0;
    int short_ = 0;
    for (EntityPass.Stored s : stored) {
      StoryStamp again = StoryStamp.stored(s.article(), s.story());
      String id = s.article().id();
      if (s.minHashValues() == null) {
        // no values stored: a short text, matched by its exact hash, fingerprinted again
        assertEquals(0, again.fingerprint().minHashes().length, id);
        assertTrue(again.fingerprint().exactHash() != 0 || s.article().text().isBlank(), id);
        short_++;
        continue;
      }
      assertNotNull(s.minHashValues());
      StoryStamp kept = StoryStamp.kept(s.story(), s.minHashValues());
      for (boolean undated : new boolean[] {false, true}) {
        assertEquals(
            fields(Schema.storyFields(again, undated)),
            fields(Schema.storyFields(kept, undated)),
            id + (undated ? " undated" : " dated"));
      }
      assertNull(Schema.storyFields(kept, true).getField(Schema.TEXT_HASH), id);
      carried++;
    }
    // both kinds are in the file
    assertTrue(carried > 300, "long stories: " + carried);
    assertTrue(short_ > 100, "short notices: " + short_);
  }

  /** Each field as name, then its binary value, numeric value or term bytes. */
  private static List<String> fields(Document doc) {
    List<String> out = new ArrayList<>();
    for (IndexableField f : doc.getFields()) {
      String value =
          f.binaryValue() != null
              ? f.binaryValue().toString()
              : f.numericValue() != null ? f.numericValue().toString() : String.valueOf(f);
      out.add(f.name() + "=" + value);
    }
    return out;
  }
}
