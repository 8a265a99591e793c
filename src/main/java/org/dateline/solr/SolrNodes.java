package org.dateline.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;
import org.dateline.search.BadRequestException;

/**
 * The nodes of one SolrCloud cluster, asked in turn (round robin). Any node answers for the whole
 * collection: it fans a search out to one replica of every shard and forwards an update to its
 * shard's leader. A node that cannot be reached, or that answers with a server error, is skipped
 * for the next one, so a stopped node costs a retry, not an error. The JDK's own HTTP client
 * (SolrJ's {@link HttpJdkSolrClient}) carries the requests: no second Jetty beside Javalin's.
 * Thread-safe.
 */
public final class SolrNodes implements Closeable {

  /** How long to wait for a node to accept a connection. */
  static final long CONNECT_TIMEOUT_MS = 2_000;

  /** How long to wait for an answer (an export page, a batch of updates). */
  static final long REQUEST_TIMEOUT_MS = 60_000;

  private final List<String> urls;
  private final List<SolrClient> clients;
  private final ExecutorService executor;
  private final AtomicInteger next = new AtomicInteger();

  private SolrNodes(List<String> urls, List<SolrClient> clients, ExecutorService executor) {
    this.urls = List.copyOf(urls);
    this.clients = List.copyOf(clients);
    this.executor = executor;
  }

  /**
   * The nodes at {@code baseUrls}, each a node's Solr root such as {@code http://host1:8983/solr};
   * a trailing slash is dropped.
   */
  public static SolrNodes of(List<String> baseUrls) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException(
          "give at least one Solr node: --solr http://host:8983/solr[,http://host2:8983/solr]");
    }
    List<String> urls = new ArrayList<>();
    List<SolrClient> clients = new ArrayList<>();
    // One pool of daemon threads for every node's client, ours to stop: a client that made its
    // own waits a minute at close for a request to a node that went away.
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "dateline-solr");
              t.setDaemon(true);
              return t;
            });
    for (String raw : baseUrls) {
      String url = raw.strip().replaceAll("/+$", "");
      URI uri = URI.create(url);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "'" + raw + "' is not a Solr node's address such as http://host:8983/solr");
      }
      urls.add(url);
      clients.add(
          new HttpJdkSolrClient.Builder(url)
              .withConnectionTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .withRequestTimeout(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .withExecutor(executor)
              .build());
    }
    return new SolrNodes(urls, clients, executor);
  }

  /** The nodes' addresses, as given. */
  public List<String> urls() {
    return urls;
  }

  /** One request to one node. */
  @FunctionalInterface
  public interface Call<T> {
    T on(SolrClient node) throws SolrServerException, IOException;
  }

  /**
   * The answer of the first node, in round-robin order, that answers {@code call}. Only requests
   * that may be sent twice belong here (searches; adds and deletes by id, which overwrite). A
   * request Solr refuses as bad (4xx) is not retried: it becomes a {@link BadRequestException}.
   */
  public <T> T ask(Call<T> call) throws IOException {
    int first = Math.floorMod(next.getAndIncrement(), clients.size());
    Exception last = null;
    for (int i = 0; i < clients.size(); i++) {
      SolrClient node = clients.get((first + i) % clients.size());
      try {
        return call.on(node);
      } catch (SolrException e) {
        if (e.code() >= 400 && e.code() < 500) {
          throw new BadRequestException("the search engine refused the request: " + reason(e), e);
        }
        last = e;
      } catch (SolrServerException | IOException e) {
        last = e; // unreachable or no answer in time: the next node
      }
    }
    throw new IOException(
        "no Solr node answered (" + String.join(", ", urls) + "): " + reason(last), last);
  }

  /** The first line of what went wrong, without the stack. */
  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public void close() throws IOException {
    try {
      for (SolrClient client : clients) {
        client.close();
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
