package org.dateline.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud cluster on loopback for tests: {@code java -jar solr-cluster.jar NODES DIR} starts
 * NODES Solr nodes and an embedded ZooKeeper (Solr's MiniSolrCloudCluster) with their data under
 * DIR, prints {@code READY url,url,...} and then obeys one command a line on standard input:
 *
 * <ul>
 *   <li>{@code stop I}: stops node I (0-based) and prints {@code STOPPED I};
 *   <li>{@code start I}: starts it again on its port and prints {@code STARTED I url} once it is
 *       live;
 *   <li>{@code quit}, or the end of the input: shuts the cluster down and exits.
 * </ul>
 *
 * A failed command prints {@code ERROR message}. Everything else (Solr's log) goes to stderr.
 */
public final class TestCluster {

  private static final int LIVE_TIMEOUT_S = 60;

  private static final int STOP_ATTEMPTS = 6;

  private TestCluster() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java -jar solr-cluster.jar NODES DIR");
      System.exit(2);
    }
    int count = Integer.parseInt(args[0]);
    Path dir = Files.createDirectories(Path.of(args[1]));
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster(
            count,
            dir,
            MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML,
            JettyConfig.builder().setContext("/solr").build());
    // Our own list: the cluster's own may drop a stopped node.
    List<JettySolrRunner> nodes = new ArrayList<>(cluster.getJettySolrRunners());
    List<String> urls = new ArrayList<>();
    for (JettySolrRunner node : nodes) {
      urls.add(node.getBaseUrl().toString());
    }
    say("READY " + String.join(",", urls));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.strip().split("\\s+");
        if (words[0].equals("quit")) {
          break;
        }
        try {
          obey(cluster, nodes, words);
        } catch (Exception e) {
          say("ERROR " + e);
        }
      }
    } finally {
      cluster.shutdown();
    }
    System.exit(0);
  }

  private static void obey(MiniSolrCloudCluster cluster, List<JettySolrRunner> nodes, String[] words)
      throws Exception {
    if (words.length != 2) {
      say("ERROR expected: stop I | start I | quit");
      return;
    }
    int i = Integer.parseInt(words[1]);
    JettySolrRunner node = nodes.get(i);
    switch (words[0]) {
      case "stop" -> {
        node.stop();
        waitStopped(cluster, node);
        say("STOPPED " + i);
      }
      case "start" -> {
        node.start();
        cluster.waitForNode(node, LIVE_TIMEOUT_S);
        say("STARTED " + i + " " + node.getBaseUrl());
      }
      default -> say("ERROR unknown command " + words[0]);
    }
  }

  /**
   * Waits until the cluster knows {@code node} is gone; Solr's own wait gives up after a few
   * seconds, too soon on a loaded machine, so it is asked again a few times.
   */
  private static void waitStopped(MiniSolrCloudCluster cluster, JettySolrRunner node)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        cluster.waitForJettyToStop(node);
        return;
      } catch (TimeoutException e) {
        if (attempt == STOP_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
