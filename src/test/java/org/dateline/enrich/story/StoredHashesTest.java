package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.ingest.ReutersSgmlReader;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Test;

/**
 * An article written again (the entity pass) gets the MinHash values and exact hash it was first
 * written with, without its names and numbers being read: on a thousand Reuters stories, long and
 * short, {@link Fingerprint#hashesOf} gives exactly {@link Fingerprint#of}'s.
 */
class StoredHashesTest {

  @Test
  void sameHashesAsTheFullFingerprintOnAThousandReutersStories() throws IOException {
    Path sgm = TestIndexes.sharedOrSkip("reuters21578", "sgm/reut2-003.sgm");
    int withMinHashes = 0;
    int withExactHash = 0;
    for (SourceDoc d : ReutersSgmlReader.read(Files.readString(sgm, StandardCharsets.ISO_8859_1))) {
      Fingerprint full = Fingerprint.of(d.title(), d.text());
      Fingerprint stored = Fingerprint.hashesOf(d.title(), d.text());
      assertArrayEquals(full.minHashes(), stored.minHashes(), d.itemKey());
      assertEquals(full.exactHash(), stored.exactHash(), d.itemKey());
      withMinHashes += full.minHashes().length > 0 ? 1 : 0;
      withExactHash += full.exactHash() != 0 ? 1 : 0;
    }
    // both kinds of text are in the file: long stories and short notices
    assertTrue(withMinHashes > 300, "long stories: " + withMinHashes);
    assertTrue(withExactHash > 100, "short notices: " + withExactHash);
  }
}
