package org.dateline.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.dateline.index.Schema;

/**
 * What an operator does once per cluster: upload Dateline's configset and create a collection on it
 * with their own shard and replica counts, routed by story ({@code router.field}), so that all the
 * copies of one story sit on one shard. Stateless.
 */
public final class SolrAdmin {

  private SolrAdmin() {}

  /** Uploads (or replaces) the configset {@code name} with {@link SolrConfigset#zip()}. */
  public static void uploadConfigset(SolrNodes nodes, String name) throws IOException {
    ContentStreamBase.ByteArrayStream zip =
        new ContentStreamBase.ByteArrayStream(
            SolrConfigset.zip(), name + ".zip", "application/zip");
    nodes.ask(
        node ->
            new ConfigSetAdminRequest.Upload()
                .setConfigSetName(name)
                .setUploadStream(zip)
                .setOverwrite(true)
                .setCleanup(true)
                .process(node));
  }

  /**
   * Creates the collection {@code collection} on the configset {@code configset} with {@code
   * shards} shards of {@code replicas} replicas each, routed by the story field.
   */
  public static void createCollection(
      SolrNodes nodes, String collection, String configset, int shards, int replicas)
      throws IOException {
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("--shards and --replicas must be 1 or more");
    }
    CollectionAdminRequest.Create create =
        CollectionAdminRequest.createCollection(collection, configset, shards, replicas);
    create.setRouterField(Schema.STORY);
    create.setWaitForFinalState(true);
    nodes.ask(create::process);
  }
}
