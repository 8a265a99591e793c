package org.dateline.cli;

import org.dateline.config.Config;
import picocli.CommandLine.Mixin;

/**
 * Every option a Dateline process can take, for {@code serve} (which ingests uploads, searches and
 * serves) and the benchmarks. The other commands take only their own groups: {@code index} the
 * index folder and {@link IngestOptions}, {@code search} and {@code batch} the index folder and
 * {@link QueryOptions}, {@code stories} the index folder; so their help lists what they use.
 */
public final class CommonOptions {

  @Mixin IndexDirOption dir;
  @Mixin IngestOptions ingest;
  @Mixin QueryOptions query;
  @Mixin ServerOptions server;

  /** True when the user did not choose an index folder. */
  public boolean defaultIndex() {
    return dir.defaultIndex();
  }

  public Config toConfig() {
    Config c = ingest.applyTo(dir.toConfig());
    c =
        c.withLimits(
            query
                .applyTo(c.limits(), server.maxRequestMb * 1024 * 1024)
                .withBatchTimeout(server.batchTimeoutMs));
    return c.withRefreshMs(server.refreshMs);
  }
}
