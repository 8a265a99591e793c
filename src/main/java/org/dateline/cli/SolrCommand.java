package org.dateline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dateline.solr.SolrAdmin;
import org.dateline.solr.SolrConfigset;
import org.dateline.solr.SolrNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline solr}: what a SolrCloud cluster needs before Dateline can use it: the configset
 * ({@code schema}) and a collection on it ({@code create}).
 */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description = "Prepare a SolrCloud cluster for Dateline (--backend solr).",
    subcommands = {SolrCommand.Schema.class, SolrCommand.Create.class})
final class SolrCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code dateline solr schema [--apply]}. */
  @Command(
      name = "schema",
      mixinStandardHelpOptions = true,
      description =
          "Print Dateline's configset (schema.xml, solrconfig.xml); with --apply, upload it.")
  static final class Schema implements Callable<Integer> {

    @Mixin SolrOptions solr;

    @Option(names = "--apply", description = "Upload the configset to the cluster of --solr.")
    boolean apply;

    @Option(
        names = "--configset",
        paramLabel = "NAME",
        description = "The configset's name (default: ${DEFAULT-VALUE}).",
        defaultValue = SolrConfigset.DEFAULT_NAME)
    String configset;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (!apply) {
        out.println("<!-- ==== schema.xml ==== -->");
        out.print(SolrConfigset.schemaXml());
        out.println("<!-- ==== solrconfig.xml ==== -->");
        out.print(SolrConfigset.solrconfigXml());
        return 0;
      }
      try (SolrNodes nodes = solr.nodes()) {
        SolrAdmin.uploadConfigset(nodes, configset);
      }
      out.printf("Uploaded the configset %s.%n", configset);
      return 0;
    }
  }

  /** {@code dateline solr create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create the collection on Dateline's configset, routed by story (upload it first).")
  static final class Create implements Callable<Integer> {

    @Mixin SolrOptions solr;

    @Option(
        names = "--configset",
        paramLabel = "NAME",
        description = "The configset (default: ${DEFAULT-VALUE}).",
        defaultValue = SolrConfigset.DEFAULT_NAME)
    String configset;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1", description = "Shards.")
    int shards;

    @Option(
        names = "--replicas",
        paramLabel = "N",
        defaultValue = "1",
        description = "Replicas of each shard.")
    int replicas;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (SolrNodes nodes = solr.nodes()) {
        SolrAdmin.createCollection(nodes, solr.collection, configset, shards, replicas);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Created the collection %s: %d shards x %d replicas.%n",
              solr.collection, shards, replicas);
      return 0;
    }
  }
}
