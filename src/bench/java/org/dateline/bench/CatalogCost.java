package org.dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dateline.enrich.entities.EntityType;
import org.dateline.index.EntityCatalog;

/**
 * The entity catalog of an index in its two layouts, with each entity's id written (format 2) and
 * without it (format {@value EntityCatalog#FORMAT}): bytes of each file, and the CPU of reading it
 * as a server does at start ({@link EntityCatalog#readEntities}) and as an entity pass does ({@link
 * EntityCatalog#read}), the two layouts read in turn round by round in one thread.
 */
public final class CatalogCost {

  /** Bytes of both files, median thread CPU per read (ns), and whether both read the same. */
  public record Result(
      int entities,
      long withIdsBytes,
      long withoutIdsBytes,
      long serverWithIdsNs,
      long serverWithoutIdsNs,
      long passWithIdsNs,
      long passWithoutIdsNs,
      boolean same) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogCost() {}

  /**
   * Writes the catalog of {@code indexDir} in both layouts into two folders under {@code scratch}
   * and reads each {@code rounds} times (after {@code warmups} untimed rounds).
   */
  public static Result of(Path indexDir, Path scratch, int warmups, int rounds) throws IOException {
    EntityCatalog catalog = EntityCatalog.read(indexDir);
    if (catalog == null) {
      throw new IOException("no readable entity catalog in " + indexDir);
    }
    Path without = Files.createDirectories(scratch.resolve("without-ids"));
    Path with = Files.createDirectories(scratch.resolve("with-ids"));
    new EntityCatalog(
            EntityCatalog.FORMAT,
            catalog.generation(),
            catalog.registry(),
            catalog.articles(),
            catalog.entityCount(),
            catalog.entities(),
            catalog.memory())
        .write(without);
    writeWithIds(without.resolve(EntityCatalog.FILE_NAME), with.resolve(EntityCatalog.FILE_NAME));

    EntityCatalog a = EntityCatalog.read(with);
    EntityCatalog b = EntityCatalog.read(without);
    boolean same =
        a != null
            && b != null
            && a.format() == 2
            && b.format() == EntityCatalog.FORMAT
            && a.entities().equals(catalog.entities())
            && b.entities().equals(catalog.entities())
            && JSON.valueToTree(a.memory()).equals(JSON.valueToTree(b.memory()))
            && EntityCatalog.readEntities(with).entities().equals(catalog.entities())
            && EntityCatalog.readEntities(without).entities().equals(catalog.entities());

    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[][] ns = new long[4][rounds];
    for (int r = -warmups; r < rounds; r++) {
      // the two layouts in turn, which one first alternating round by round
      Path first = (r & 1) == 0 ? with : without;
      Path second = first == with ? without : with;
      for (int kind = 0; kind < 2; kind++) {
        for (Path p : new Path[] {first, second}) {
          long t0 = cpu.getCurrentThreadCpuTime();
          Object read = kind == 0 ? EntityCatalog.readEntities(p) : EntityCatalog.read(p);
          long t = cpu.getCurrentThreadCpuTime() - t0;
          if (read == null) {
            throw new IOException("unreadable: " + p);
          }
          if (r >= 0) {
            ns[kind * 2 + (p == with ? 0 : 1)][r] = t;
          }
        }
      }
    }
    return new Result(
        catalog.entities().size(),
        Files.size(with.resolve(EntityCatalog.FILE_NAME)),
        Files.size(without.resolve(EntityCatalog.FILE_NAME)),
        median(ns[0]),
        median(ns[1]),
        median(ns[2]),
        median(ns[3]),
        same);
  }

  /** The catalog file {@code from} as format 2 wrote it: each entity's id first. */
  static void writeWithIds(Path from, Path to) throws IOException {
    JsonNode root;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(from))) {
      root = JSON.readTree(in);
    }
    ((ObjectNode) root).put("format", 2);
    for (JsonNode e : root.get("entities")) {
      ArrayNode row = (ArrayNode) e;
      EntityType type = EntityType.valueOf(row.get(0).asText().toUpperCase(Locale.ROOT));
      row.insert(0, EntityCatalog.id(type, row.get(1).asText()));
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to), 1 << 16)) {
      JSON.writeValue(out, root);
    }
  }

  private static long median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s.length == 0 ? 0 : s[s.length / 2];
  }
}
