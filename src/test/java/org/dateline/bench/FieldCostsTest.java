package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dateline.TestIndexes;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCostsTest {

  @TempDir Path tmp;

  @Test
  void eachFieldCostsWhatTheIndexLosesWithoutIt() throws Exception {
    Path index = tmp.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    FieldCosts.Result r = FieldCosts.of(index, Files.createDirectories(tmp.resolve("scratch")));
    Map<String, Long> bytes =
        r.fields().stream()
            .collect(Collectors.toMap(FieldCosts.Cost::field, FieldCosts.Cost::bytes));
    // Stored, with positions and offsets: the body is the dearest field of a news archive.
    assertEquals(Schema.BODY, r.fields().get(0).field());
    assertTrue(bytes.get(Schema.BODY) > 0);
    for (String field :
        new String[] {Schema.ID, Schema.TITLE, Schema.META, Schema.MINHASH_VALUES}) {
      assertTrue(bytes.get(field) > 0, field + " costs " + bytes.get(field));
    }
    long sum = bytes.values().stream().mapToLong(Long::longValue).sum();
    assertTrue(sum < r.wholeBytes(), "fields " + sum + " of a whole " + r.wholeBytes());
    // The scratch copies are gone.
    try (var left = Files.list(tmp.resolve("scratch"))) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void eachFieldAloneAndOnlyTheFieldsNamed() throws Exception {
    Path index = tmp.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    FieldCosts.Result all = FieldCosts.alone(index, scratch, Set.of());
    Map<String, Long> bytes =
        all.fields().stream()
            .collect(Collectors.toMap(FieldCosts.Cost::field, FieldCosts.Cost::bytes));
    assertEquals(Schema.BODY, all.fields().get(0).field());
    assertEquals(bytes.values().stream().mapToLong(Long::longValue).sum(), all.wholeBytes());
    // Only the fields named, each written as in the whole run (the same rewrite, byte for byte).
    FieldCosts.Result story =
        FieldCosts.alone(index, scratch, Set.of(Schema.STORY, Schema.MINHASH_VALUES));
    assertEquals(
        Map.of(
            Schema.STORY,
            bytes.get(Schema.STORY),
            Schema.MINHASH_VALUES,
            bytes.get(Schema.MINHASH_VALUES)),
        story.fields().stream()
            .collect(Collectors.toMap(FieldCosts.Cost::field, FieldCosts.Cost::bytes)));
    assertEquals(bytes.get(Schema.STORY) + bytes.get(Schema.MINHASH_VALUES), story.wholeBytes());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FieldCosts.alone(index, scratch, Set.of("no_such_field")));
    assertTrue(e.getMessage().contains("no field no_such_field"), e.getMessage());
    try (var left = Files.list(scratch)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void sizesListTheFolderFilesLuceneDoesNotOwn() throws Exception {
    Path index = tmp.resolve("index");
    TestIndexes.index(index, false, TestIndexes.SEEDS);
    Files.writeString(index.resolve("entities-catalog.json"), "{}");
    assertEquals(Map.of("entities-catalog.json", 2L), IndexSizes.otherFiles(index));
    assertTrue(IndexSizes.byKind(index).values().stream().mapToLong(Long::longValue).sum() > 0);
  }
}
