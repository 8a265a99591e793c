package org.dateline.cli;

import java.util.Arrays;
import java.util.List;
import org.dateline.solr.SolrNodes;
import picocli.CommandLine.Option;

/**
 * Where searches are answered: the embedded index (the default) or a SolrCloud collection, given by
 * any of its nodes and the collection's name.
 */
public final class SolrOptions {

  /** The engines a command can use. */
  enum Backend {
    EMBEDDED,
    SOLR
  }

  /** The collection's name when none is given. */
  static final String DEFAULT_COLLECTION = "news";

  @Option(
      names = "--backend",
      paramLabel = "ENGINE",
      description =
          "embedded (Dateline's own index) or solr (a SolrCloud collection; needs --solr)"
              + " (env DATELINE_BACKEND; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_BACKEND:-embedded}")
  Backend backend;

  @Option(
      names = "--solr",
      paramLabel = "URLS",
      description =
          "Comma-separated Solr nodes, e.g. http://host1:8983/solr,http://host2:8983/solr"
              + " (env DATELINE_SOLR).",
      defaultValue = "${env:DATELINE_SOLR}")
  String solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "The Solr collection (env DATELINE_COLLECTION; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_COLLECTION:-" + DEFAULT_COLLECTION + "}")
  String collection;

  /** True when the Solr backend was chosen. */
  boolean enabled() {
    return backend == Backend.SOLR;
  }

  /** Fails now, before any work, when --backend solr lacks usable --solr addresses. */
  void check() throws java.io.IOException {
    if (enabled()) {
      nodes().close();
    }
  }

  /** The nodes of --solr; fails with what to add when there are none. */
  SolrNodes nodes() {
    if (solr == null || solr.isBlank()) {
      throw new IllegalArgumentException(
          "--backend solr needs --solr http://host:8983/solr[,http://host2:8983/solr]");
    }
    List<String> urls = Arrays.stream(solr.split(",")).filter(s -> !s.isBlank()).toList();
    return SolrNodes.of(urls);
  }
}
