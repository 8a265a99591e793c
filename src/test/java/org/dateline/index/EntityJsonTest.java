package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.ResolverMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog file without entity ids (format 3), and a format 2 file with them still read. */
class EntityJsonTest {

  @TempDir Path dir;

  private static EntityCatalog.Entity entity(
      EntityType type, String canonical, long docs, String first, Map<String, Long> variants) {
    return new EntityCatalog.Entity(
        EntityCatalog.id(type, canonical), type, canonical, docs, first, first, variants);
  }

  private static List<EntityCatalog.Entity> entities() {
    Map<String, Long> us = new LinkedHashMap<>();
    us.put("U.S.", 7249L);
    us.put("United States", 1089L);
    us.put("the \"States\"", 1L);
    return List.of(
        entity(EntityType.PLACE, "United States", 3797, "1987-02-26", us),
        entity(EntityType.PERSON, "Ronald Reagan", 569, "1987-03-01", Map.of("Reagan", 900L)),
        entity(EntityType.ORGANIZATION, "Reuters", 941, null, Map.of()));
  }

  private String written() throws Exception {
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(dir.resolve(EntityCatalog.FILE_NAME)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void idsAreNotWrittenAndReadBackAsTheHashOfTypeAndName() throws Exception {
    List<EntityCatalog.Entity> all = entities();
    new EntityCatalog(EntityCatalog.FORMAT, 4, "r", 10, all.size(), all, ResolverMemory.empty())
        .write(dir);
    String json = written();
    for (EntityCatalog.Entity e : all) {
      assertFalse(json.contains(e.id()), "no id in the file: " + json);
    }
    assertTrue(json.contains("[\"place\",\"United States\",3797,\"1987-02-26\""), json);

    EntityCatalog read = EntityCatalog.read(dir);
    assertNotNull(read);
    assertEquals(all, read.entities());
    assertEquals(all, EntityCatalog.readEntities(dir).entities());
    assertEquals(EntityCatalog.FORMAT, EntityCatalog.readHeader(dir).format());
  }

  @Test
  void anIdIsTheHashOfTypeAndNameAsFormatTwoWroteIt() {
    // the ids of catalogs written before format 3, which a format 3 file reads back by this hash
    assertEquals("c7f1acea27a52672", EntityCatalog.id(EntityType.PLACE, "United States"));
    assertEquals(
        EntityCatalog.sha256("person\nRonald Reagan").substring(0, 16),
        EntityCatalog.id(EntityType.PERSON, "Ronald Reagan"));
  }

  @Test
  void aCatalogOfFormatTwoIsReadWithTheIdsItWrote() throws Exception {
    List<EntityCatalog.Entity> all = entities();
    new EntityCatalog(EntityCatalog.FORMAT, 4, "r", 10, all.size(), all, ResolverMemory.empty())
        .write(dir);
    // as format 2 wrote it: each entity's id first (an id of its own, to show it is the one read)
    String json =
        written()
            .replace("\"format\":3", "\"format\":2")
            .replace("[\"place\",", "[\"0123456789abcdef\",\"place\",")
            .replace("[\"person\",", "[\"" + all.get(1).id() + "\",\"person\",")
            .replace("[\"organization\",", "[\"" + all.get(2).id() + "\",\"organization\",");
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve(EntityCatalog.FILE_NAME)))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    EntityCatalog read = EntityCatalog.read(dir);
    assertNotNull(read, json);
    assertEquals(2, read.format());
    assertEquals("0123456789abcdef", read.entities().get(0).id());
    assertEquals(all.subList(1, 3), read.entities().subList(1, 3));
    assertEquals(2, EntityCatalog.readHeader(dir).format());
    assertEquals(3, EntityCatalog.readEntities(dir).entities().size());
  }
}
