package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.dateline.bench.BenchFiles;
import org.dateline.bench.StoredFormCost;
import org.dateline.bench.StoredValuesCost;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench stored INDEX}: the index copied with stored values under LZ4 and under
 * DEFLATE, each copy's size, and what reading one hit costs from each.
 */
@Command(
    name = "stored",
    mixinStandardHelpOptions = true,
    description =
        "Copy an index twice, stored values under LZ4 (BEST_SPEED) and DEFLATE (BEST_COMPRESSION),"
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
      description = "Keep the copies (INDEX-lz4, INDEX-deflate) instead of deleting them.")
  boolean keep;

  @Option(
      names = "--against",
      paramLabel = "OTHER",
      description =
          "Instead of copying: compare INDEX with OTHER, an index of the same articles in another"
              + " stored form (e.g. the same archive rewritten by another schema), as they are:"
              + " whether every article reads back the same, and each one's cost per hit.")
  Path against;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (against != null) {
      return compareForms();
    }
    Path base = index.toAbsolutePath().normalize();
    Path lz4 = base.resolveSibling(base.getFileName() + "-lz4");
    Path deflate = base.resolveSibling(base.getFileName() + "-deflate");
    try {
      StoredValuesCost.copy(index, lz4, Lucene104Codec.Mode.BEST_SPEED);
      StoredValuesCost.copy(index, deflate, Lucene104Codec.Mode.BEST_COMPRESSION);
      List<StoredValuesCost.Copy> copies =
          StoredValuesCost.read(
              List.of("LZ4 (BEST_SPEED)", "DEFLATE (BEST_COMPRESSION)"),
              List.of(lz4, deflate),
              hits,
              rounds,
              seed);
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
        out.printf("copies kept: %s, %s%n", lz4, deflate);
      }
      out.flush();
      jsonOut.write(Map.of("copies", copies));
    } finally {
      if (!keep) {
        BenchFiles.deleteTree(lz4);
        BenchFiles.deleteTree(deflate);
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
