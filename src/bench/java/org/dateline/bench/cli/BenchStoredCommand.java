package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.dateline.bench.BenchFiles;
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

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
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
}
