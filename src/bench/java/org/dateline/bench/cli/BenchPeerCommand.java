package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dateline.bench.HttpBench;
import org.dateline.bench.mix.MixRequest;
import org.dateline.bench.peer.DatelineEngine;
import org.dateline.bench.peer.Engine;
import org.dateline.bench.peer.PeerCompare;
import org.dateline.bench.peer.PeerReport;
import org.dateline.bench.peer.StageReport;
import org.dateline.cli.JsonOutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench peer}: Dateline against the Solr peer on one mix, passes interleaved, with
 * the breakdown by request kind. Both servers must be running (bench/peer-compare.sh starts them).
 */
@Command(
    name = "peer",
    mixinStandardHelpOptions = true,
    description =
        "Dateline vs the Solr peer on a request mix: interleaved passes at each client count,"
            + " hit counts compared first, p50/p95/p99 and QPS overall, by query kind and by variant.")
final class BenchPeerCommand implements Callable<Integer> {

  @Option(
      names = "--mix",
      defaultValue = "bench/mix-reuters.txt",
      description = "Request mix, as `bench mix` writes it (default: ${DEFAULT-VALUE}).")
  Path mix;

  @Option(
      names = "--solr-port",
      defaultValue = "0",
      description = "Port of the Solr peer; 0: no Solr (an A/B of two Dateline servers).")
  int solrPort;

  @Option(names = "--dateline-port", required = true, description = "Port of dateline serve.")
  int datelinePort;

  @Option(
      names = "--ab-port",
      defaultValue = "0",
      description =
          "Port of a second Dateline server ('dateline-b', e.g. a build with a change), sent the"
              + " same passes interleaved with the first: an A/B in one run (default: none).")
  int abPort;

  @Option(
      names = "--stages",
      description =
          "Ask the Dateline servers for their Server-Timing header and print where each"
              + " one's time goes, stage by stage, against the client's time.")
  boolean stages;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Host of both servers.")
  String host;

  @Option(
      names = "--clients",
      split = ",",
      defaultValue = "1,4",
      description = "Concurrency levels (default: ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--passes", defaultValue = "3", description = "Measured passes per level.")
  int passes;

  @Option(names = "--warmup", defaultValue = "1", description = "Warm-up passes per level.")
  int warmup;

  @Option(
      names = "--multiselect",
      description = "Solr leaves each filter out of its own facet, as Dateline always does.")
  boolean multiselect;

  @Option(names = "--solr-kwic", description = "Solr snippets as lines centred on the match.")
  boolean solrKwic;

  @Option(
      names = "--histogram-year",
      defaultValue = "1987",
      description = "Year of Solr's monthly date facet (default: ${DEFAULT-VALUE}, Reuters).")
  int histogramYear;

  @Option(
      names = "--client",
      defaultValue = "jdk",
      description =
          "How the client threads speak HTTP: jdk (java.net.http.HttpClient) or socket (one plain"
              + " keep-alive socket per thread, read on the thread, as wrk or ab do; the JDK"
              + " client adds about 1 ms of its own to every request). Default: ${DEFAULT-VALUE}.")
  String client;

  @Mixin JsonOutOption jsonOut;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<MixRequest> requests = readMix(mix);
    List<Engine> engines = engines();
    PeerCompare.Client how =
        switch (client) {
          case "jdk" -> PeerCompare.Client.JDK;
          case "socket" -> PeerCompare.Client.SOCKET;
          default ->
              throw new picocli.CommandLine.ParameterException(
                  spec.commandLine(), "--client must be jdk or socket, got " + client);
        };
    PeerCompare compare = new PeerCompare(requests, engines, Duration.ofSeconds(60), how);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%d requests from %s; %d warm-up + %d measured passes per level; Solr multiselect %s;"
            + " client %s%n",
        requests.size(), mix, warmup, passes, multiselect, client);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("client", client);
    json.put("mix", mix.toString());
    json.put(
        "example",
        Map.of(
            "solr",
            engines.get(0).path(requests.get(0)),
            "dateline",
            engines.get(engines.size() - 1).path(requests.get(0))));
    List<PeerReport.LevelFigures> levels = new ArrayList<>();
    List<StageReport.Figures> stageTables = new ArrayList<>();
    int errors = 0;
    for (int c : clients) {
      PeerCompare.Level level = compare.run(c, warmup, passes);
      if (levels.isEmpty()) {
        PeerReport.HitCheck hits = PeerReport.hits(requests, level);
        PeerReport.print(out, hits);
        json.put("hits", hits);
      }
      PeerReport.LevelFigures f = PeerReport.figures(requests, level);
      PeerReport.print(out, f);
      PeerReport.errors(requests, level, 5).forEach(e -> out.println("error: " + e));
      for (PeerCompare.EngineRun run : level.runs().values()) {
        StageReport.Figures stageFigures = StageReport.of(run, c);
        if (stageFigures != null) {
          StageReport.print(out, stageFigures);
          stageTables.add(stageFigures);
        }
      }
      out.flush();
      levels.add(f);
      errors += f.overall().values().stream().mapToInt(PeerReport.Figures::errors).sum();
    }
    json.put("levels", levels);
    if (!stageTables.isEmpty()) {
      json.put("stages", stageTables);
    }
    jsonOut.write(json);
    return errors == 0 ? 0 : 1;
  }

  private List<Engine> engines() {
    List<Engine> out = new ArrayList<>();
    if (solrPort > 0) {
      out.add(
          new org.dateline.bench.peer.SolrEngine(
              "http://" + host + ":" + solrPort, multiselect, solrKwic, histogramYear));
    }
    out.add(new DatelineEngine("http://" + host + ":" + datelinePort, "dateline", stages));
    if (abPort > 0) {
      out.add(new DatelineEngine("http://" + host + ":" + abPort, "dateline-b", stages));
    }
    return out;
  }

  static List<MixRequest> readMix(Path file) throws java.io.IOException {
    List<MixRequest> out = new ArrayList<>();
    HttpBench.requestLines(file).forEach((n, line) -> out.add(MixRequest.parse(line, n)));
    return out;
  }
}
