package org.dateline.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dateline.config.Config;
import org.dateline.search.BatchInput;
import org.dateline.search.BatchOptions;
import org.dateline.search.BatchProgress;
import org.dateline.search.BatchSearch;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchService;
import org.dateline.search.SortOrder;
import org.dateline.server.BatchTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline batch FILE}: one search per line of FILE, one row per line, as CSV or JSON lines.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = "Search every line of a file (a list of names, say); one row per line.")
final class BatchCommand implements Callable<Integer> {

  @Mixin IndexDirOption dir;
  @Mixin QueryOptions limits;

  @Parameters(
      paramLabel = "FILE",
      description = "Queries, one per line (a .csv file: the first" + " column).")
  Path file;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the rows here (default:"
              + " standard output); .jsonl or .ndjson writes JSON lines, anything else CSV.")
  Path out;

  @Option(names = "--variants", description = "A name also finds its other spellings.")
  boolean variants;

  @Option(
      names = "--proximity",
      paramLabel = "N",
      defaultValue = "-1",
      description =
          "Words of a" + " name (a line of plain words) or phrase may stand N positions apart.")
  int proximity;

  @Option(
      names = "--hits",
      paramLabel = "N",
      defaultValue = "3",
      description = "Best hits per" + " line (default: ${DEFAULT-VALUE}).")
  int hits;

  @Option(names = "--outlet", description = "Only this outlet (repeatable).")
  List<String> outlets;

  @Mixin Days days;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> lines =
        BatchInput.lines(
            Files.readString(file, StandardCharsets.UTF_8),
            file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
    Map<String, List<String>> filters = new LinkedHashMap<>();
    if (outlets != null && !outlets.isEmpty()) {
      filters.put("outlet", outlets);
    }
    BatchOptions options =
        new BatchOptions(
            new SearchRequest(
                "",
                filters,
                days.first(),
                days.last(),
                SortOrder.RELEVANCE,
                1,
                SearchRequest.DEFAULT_SIZE,
                null,
                1,
                0),
            variants,
            proximity,
            hits);
    String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    BatchTable.Format format =
        name.endsWith(".jsonl") || name.endsWith(".ndjson")
            ? BatchTable.Format.JSONL
            : BatchTable.Format.CSV;
    BatchProgress progress = BatchProgress.untracked(lines.size());
    Config config = dir.toConfig();
    try (SearchService search =
            SearchService.readOnly(config.indexDir(), limits.applyTo(config.limits()));
        Writer w =
            out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      BatchTable table = new BatchTable(w, format, options.hitsPerLine());
      table.header();
      new BatchSearch(search).run(lines, options, table::write, progress);
      w.flush();
    }
    BatchProgress.Status s = progress.status();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "%d lines searched (%d errors) in %d ms%n",
        s.done(),
        s.errors(),
        s.elapsedMs());
    err.flush();
    return 0;
  }
}
