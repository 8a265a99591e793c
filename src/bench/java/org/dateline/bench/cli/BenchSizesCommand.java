package org.dateline.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.FSDirectory;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.CatalogCost;
import org.dateline.bench.FieldCosts;
import org.dateline.bench.IndexSizes;
import org.dateline.cli.JsonOutOption;
import org.dateline.index.EntityCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench sizes INDEX}: an index's bytes by Lucene file kind, the folder's other
 * files, and with {@code --fields} what each field costs.
 */
@Command(
    name = "sizes",
    mixinStandardHelpOptions = true,
    description =
        "Bytes of an index by Lucene file kind (stored fields, postings, offsets, ...), its"
            + " folder's other files (entity catalog, desks), and with --fields each field's cost.")
final class BenchSizesCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "INDEX", description = "The index folder.")
  Path index;

  @Option(
      names = "--fields",
      description =
          "Also rewrite the index once per field without it (in a scratch folder beside it) to"
              + " show what each field costs; takes a few seconds per field.")
  boolean fields;

  @Option(
      names = "--alone",
      arity = "0..1",
      split = ",",
      fallbackValue = ALL_FIELDS,
      paramLabel = "FIELD",
      description =
          "Also rewrite the index once per field with that field alone (every other field left"
              + " out) and print its bytes and bytes per article: what --fields shows, affordable"
              + " at a million articles (each rewrite writes one field, not the whole index)."
              + " Without a value every field; with one, only those named (e.g."
              + " --alone=story,minhash,text_hash: the story fields).")
  List<String> alone;

  private static final String ALL_FIELDS = "*";

  @Option(
      names = "--best-compression",
      description =
          "Also rewrite the index with stored values under Lucene's LZ4 (its default), under"
              + " Dateline's codec and under DEFLATE (Lucene's BEST_COMPRESSION), and print the"
              + " three sizes.")
  boolean bestCompression;

  @Option(
      names = "--index-options",
      split = ",",
      paramLabel = "FIELD=OPTIONS",
      description =
          "Also rewrite the index with these fields indexed with fewer options (e.g."
              + " body=DOCS_AND_FREQS_AND_POSITIONS: no offsets) and print both sizes.")
  Map<String, IndexOptions> indexOptions;

  @Option(
      names = "--without",
      split = ",",
      paramLabel = "FIELD",
      description =
          "Also rewrite the index into one segment whole and without these fields (all at once)"
              + " and print both sizes by file kind: what the archive takes without those"
              + " features (e.g. --without=body_stem,title_stem: no stems).")
  List<String> without;

  @Option(
      names = "--catalog",
      arity = "0..1",
      fallbackValue = "20",
      paramLabel = "ROUNDS",
      description =
          "Also write the entity catalog with each entity's id (format 2) and without (this"
              + " build's), print both files' bytes and the thread CPU of reading each as a server"
              + " does at start and as an entity pass does, the two read in turn (median of ROUNDS"
              + " rounds after 5 untimed; default 20).")
  Integer catalogRounds;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Long> byKind = IndexSizes.byKind(index);
    Map<String, Long> other = IndexSizes.otherFiles(index);
    long lucene = byKind.values().stream().mapToLong(Long::longValue).sum();
    long others = other.values().stream().mapToLong(Long::longValue).sum();
    long total = lucene + others;
    PrintWriter out = spec.commandLine().getOut();
    out.printf("| kind | holds | MB | share |%n|---|---|---|---|%n");
    byKind.forEach(
        (kind, bytes) ->
            out.printf(
                "| %s | %s | %.2f | %.1f %% |%n",
                kind, IndexSizes.KINDS.getOrDefault(kind, ""), bytes / 1e6, 100.0 * bytes / total));
    other.forEach(
        (name, bytes) ->
            out.printf(
                "| %s | not Lucene's | %.2f | %.1f %% |%n",
                name, bytes / 1e6, 100.0 * bytes / total));
    out.printf("| Lucene | | %.2f | %.1f %% |%n", lucene / 1e6, 100.0 * lucene / total);
    out.printf("| all | | %.2f | 100 %% |%n", total / 1e6);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("byKind", byKind);
    json.put("otherFiles", other);
    if (bestCompression) {
      Path scratch = Files.createTempDirectory(index.toAbsolutePath().getParent(), "sizes-");
      try {
        long[] b = FieldCosts.bestCompression(index, scratch);
        out.printf(
            "%none segment, stored values under Lucene's LZ4 (BEST_SPEED): %.2f MB; Dateline's"
                + " codec (LZ4, high compression): %.2f MB; DEFLATE (BEST_COMPRESSION): %.2f MB%n",
            b[0] / 1e6, b[1] / 1e6, b[2] / 1e6);
        json.put("oneSegmentLuceneDefaultBytes", b[0]);
        json.put("oneSegmentDatelineBytes", b[1]);
        json.put("oneSegmentBestCompressionBytes", b[2]);
      } finally {
        BenchFiles.deleteTree(scratch);
      }
    }
    if (indexOptions != null && !indexOptions.isEmpty()) {
      Path scratch = Files.createTempDirectory(index.toAbsolutePath().getParent(), "sizes-");
      try {
        long[] b = FieldCosts.withIndexOptions(index, scratch, indexOptions);
        out.printf(
            "%none segment as indexed: %.2f MB; with %s: %.2f MB (%.2f MB less)%n",
            b[0] / 1e6, indexOptions, b[1] / 1e6, (b[0] - b[1]) / 1e6);
        json.put("oneSegmentAsIndexedBytes", b[0]);
        json.put("oneSegmentLoweredBytes", b[1]);
      } finally {
        BenchFiles.deleteTree(scratch);
      }
    }
    if (without != null && !without.isEmpty()) {
      Path scratch = Files.createTempDirectory(index.toAbsolutePath().getParent(), "sizes-");
      try {
        List<FieldCosts.Cost> w = FieldCosts.without(index, scratch, Set.copyOf(without));
        FieldCosts.Cost whole = w.get(0);
        FieldCosts.Cost less = w.get(1);
        out.printf(
            "%none segment: %.2f MB; %s: %.2f MB (%.2f MB less, %.1f %%)%n",
            whole.bytes() / 1e6,
            less.field(),
            less.bytes() / 1e6,
            (whole.bytes() - less.bytes()) / 1e6,
            100.0 * (whole.bytes() - less.bytes()) / whole.bytes());
        out.printf("| kind | one segment MB | without MB | less |%n|---|---|---|---|%n");
        for (String kind : whole.byKind().keySet()) {
          long a = whole.byKind().get(kind);
          long b = less.byKind().getOrDefault(kind, 0L);
          if (a >= 10_000 || b >= 10_000) {
            out.printf("| %s | %.2f | %.2f | %.2f |%n", kind, a / 1e6, b / 1e6, (a - b) / 1e6);
          }
        }
        json.put("without", w);
      } finally {
        BenchFiles.deleteTree(scratch);
      }
    }
    if (catalogRounds != null) {
      Path scratch = Files.createTempDirectory(index.toAbsolutePath().getParent(), "sizes-");
      try {
        CatalogCost.Result c = CatalogCost.of(index, scratch, 5, catalogRounds);
        out.printf(
            "%nentity catalog, %,d entities: with ids (format 2) %.3f MB, without (format %d)"
                + " %.3f MB (%.3f MB less)%n",
            c.entities(),
            c.withIdsBytes() / 1e6,
            EntityCatalog.FORMAT,
            c.withoutIdsBytes() / 1e6,
            (c.withIdsBytes() - c.withoutIdsBytes()) / 1e6);
        out.printf(
            "read, thread CPU, median of %d rounds, with ids / without: at server start"
                + " (entities) %.1f / %.1f ms; at an entity pass (entities and memory) %.1f /"
                + " %.1f ms; same entities and memory read from both: %s%n",
            catalogRounds,
            c.serverWithIdsNs() / 1e6,
            c.serverWithoutIdsNs() / 1e6,
            c.passWithIdsNs() / 1e6,
            c.passWithoutIdsNs() / 1e6,
            c.same());
        json.put("catalog", c);
      } finally {
        BenchFiles.deleteTree(scratch);
      }
    }
    if (fields) {
      Path scratch = Files.createTempDirectory(index.toAbsolutePath().getParent(), "sizes-");
      try {
        FieldCosts.Result r = FieldCosts.of(index, scratch);
        out.printf(
            "%nfield costs (one segment of %.2f MB, rewritten without each field)%n",
            r.wholeBytes() / 1e6);
        out.printf("| field | MB | share |%n|---|---|---|%n");
        for (FieldCosts.Cost c : r.fields()) {
          out.printf("| %s | %.2f | %.1f %% |%n", c.field(), c.bytes() / 1e6, 100 * c.share());
        }
        json.put("fields", r);
      } finally {
        BenchFiles.deleteTree(scratch);
      }
    }
    if (alone != null && !alone.isEmpty()) {
      Path scratch = Files.createTempDirectory(index.toAbsolutePath().getParent(), "sizes-");
      try {
        FieldCosts.Result r =
            FieldCosts.alone(
                index, scratch, alone.contains(ALL_FIELDS) ? Set.of() : Set.copyOf(alone));
        printAlone(out, r);
        json.put("fieldsAlone", r);
      } finally {
        BenchFiles.deleteTree(scratch);
      }
    }
    jsonOut.write(json);
    out.flush();
    return 0;
  }

  private void printAlone(PrintWriter out, FieldCosts.Result r) throws IOException {
    long articles;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      articles = reader.numDocs();
    }
    out.printf(
        "%neach field alone (%,d articles; one segment per field, %.2f MB in all)%n",
        articles, r.wholeBytes() / 1e6);
    out.printf(
        "| field | MB | bytes per article | share | by kind (MB; under 0.01 left out) |%n"
            + "|---|---|---|---|---|%n");
    for (FieldCosts.Cost c : r.fields()) {
      StringBuilder kinds = new StringBuilder();
      c.byKind()
          .forEach(
              (kind, bytes) -> {
                if (bytes >= 10_000) {
                  kinds.append(kinds.isEmpty() ? "" : ", ").append(kind);
                  kinds.append(String.format(" %.2f", bytes / 1e6));
                }
              });
      out.printf(
          "| %s | %.2f | %.1f | %.1f %% | %s |%n",
          c.field(),
          c.bytes() / 1e6,
          articles == 0 ? 0.0 : (double) c.bytes() / articles,
          100 * c.share(),
          kinds);
    }
  }
}
