package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.StoredFormCost;
import org.dateline.bench.StoredValuesCost;
import org.dateline.cli.JsonOutOption;
import org.dateline.index.DatelineCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench stored INDEX}: the index copied with stored values under Lucene's LZ4,
 * Dateline's codec and DEFLATE, each copy's size, and what reading one hit costs from each.
 */
@Command(
    name = "stored",
    mixinStandardHelpOptions = true,
    description =
        "Copy an index with stored values under Lucene's LZ4 (BEST_SPEED), Dateline's codec (LZ4,"
            + " high compression) and DEFLATE (BEST_COMPRESSION),"
            + " and time reading random hits from each (rounds alternate). With --keep the copies"
            + " stay, to be served and compared whole (bench http --serve COPY).")
final class BenchStoredCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "INDEX", description = "The index to copy.")
  Path index;

  @Option(
      names = "--hits",
      defaultValue = "20000",
      description = "Random hits read per round (default: ${DEFAULT-VALUE}).")
  int hits;

  @Option(
      names = "--rounds",
      defaultValue = "6",
      description = "Rounds per copy, the first one warm-up (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", defaultValue = "20", description = "Random seed.")
  long seed;

  @Option(
      names = "--keep",
      description = "Keep the copies (INDEX-stored0, INDEX-stored1, ...) instead of deleting them.")
  boolean keep;

  @Option(
      names = "--against",
      paramLabel = "OTHER",
      description =
          "Instead of copying: compare INDEX with OTHER, an index of the same articles in another"
              + " stored form (e.g. the same archive rewritten by another schema), as they are:"
              + " whether every article reads back the same, and each one's cost per hit.")
  Path against;

  @Option(
      names = "--text-blocks",
      split = ",",
      paramLabel = "DICT/BLOCK/CHUNK",
      description =
          "Also copy under Dateline's codec with these dictionary, block and chunk sizes in KB"
              + " (e.g. 4/8/84,32/16/128), to weigh bytes against the time per hit.")
  List<String> textBlocks;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (against != null) {
      return compareForms();
    }
    Path base = index.toAbsolutePath().normalize();
    List<String> names = new ArrayList<>();
    List<Codec> codecs = new ArrayList<>();
    names.add("LZ4 (BEST_SPEED)");
    codecs.add(new Lucene104Codec(Lucene104Codec.Mode.BEST_SPEED));
    names.add("Dateline (LZ4 high compression)");
    codecs.add(new DatelineCodec());
    for (String v : textBlocks == null ? List.<String>of() : textBlocks) {
      String[] kb = v.split("/");
      if (kb.length != 3) {
        throw new IllegalArgumentException("--text-blocks " + v + ": DICT/BLOCK/CHUNK in KB");
      }
      names.add("Dateline, " + v + " KB");
      codecs.add(
          new DatelineCodec(
              Integer.parseInt(kb[0]) * 1024,
              Integer.parseInt(kb[1]) * 1024,
              Integer.parseInt(kb[2]) * 1024));
    }
    names.add("DEFLATE (BEST_COMPRESSION)");
    codecs.add(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < codecs.size(); i++) {
      dirs.add(base.resolveSibling(base.getFileName() + "-stored" + i));
    }
    try {
      for (int i = 0; i < codecs.size(); i++) {
        StoredValuesCost.copy(index, dirs.get(i), codecs.get(i));
      }
      List<StoredValuesCost.Copy> copies = StoredValuesCost.read(names, dirs, hits, rounds, seed);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "| stored values | index MB | µs per hit, mean | p50 | p99 | load avg |%n"
              + "|---|---|---|---|---|---|%n");
      for (StoredValuesCost.Copy c : copies) {
        out.printf(
            "| %s | %.2f | %.1f | %.1f | %.1f | %.2f |%n",
            c.mode(),
            c.bytes() / 1e6,
            c.meanMicros(),
            c.p50Micros(),
            c.p99Micros(),
            BenchFiles.loadAverage());
      }
      out.printf(
          "(%d hits x %d timed rounds per copy, a fresh storedFields() per hit, as a search reads"
              + " its hits)%n",
          hits, rounds - 1);
      if (keep) {
        out.printf("copies kept: %s%n", dirs);
      }
      out.flush();
      jsonOut.write(Map.of("copies", copies));
    } finally {
      if (!keep) {
        for (Path dir : dirs) {
          BenchFiles.deleteTree(dir);
        }
      }
    }
    return 0;
  }

  private int compareForms() throws Exception {
    StoredFormCost.Sameness same = StoredFormCost.compare(index, against);
    List<StoredFormCost.Form> forms =
        StoredFormCost.time(List.of(index, against), hits, rounds, seed);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%,d articles compared by id: %,d differ, %,d missing from %s%s%n",
        same.compared(),
        same.differ(),
        same.missing(),
        against,
        same.firstDiffering().isEmpty() ? "" : " (first: " + same.firstDiffering() + ")");
    out.printf(
        "| index | MB | µs per hit, read + decode, p50 | mean | decode alone, p50 | mean | load avg |%n"
            + "|---|---|---|---|---|---|---|%n");
    for (StoredFormCost.Form f : forms) {
      out.printf(
          "| %s | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
          f.dir().getFileName(),
          f.bytes() / 1e6,
          f.readP50Micros(),
          f.readMeanMicros(),
          f.decodeP50Micros(),
          f.decodeMeanMicros(),
          BenchFiles.loadAverage());
    }
    out.printf(
        "(%d random hits x %d timed rounds per index, indexes in turn; a fresh storedFields() per"
            + " hit, then the same documents turned into articles again)%n",
        hits, rounds - 1);
    out.flush();
    jsonOut.write(Map.of("sameness", same, "forms", forms));
    return same.differ() == 0 && same.missing() == 0 ? 0 : 1;
  }
}
