package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.junit.jupiter.api.Test;

/**
 * With Solr answering the searches, the watching server refreshes its local searcher every two
 * seconds at most often; on the embedded backend at the configured interval, as before.
 */
class LocalRefreshTest {

  private static SolrOptions backend(SolrOptions.Backend b) {
    SolrOptions o = new SolrOptions();
    o.backend = b;
    return o;
  }

  @Test
  void onlyTheSolrBackendRefreshesTheLocalSearcherLessOften() {
    Config config = TestIndexes.config(Path.of("unused-index")).withRefreshMs(250);
    assertEquals(250, ServeCommand.localRefreshMs(config, backend(SolrOptions.Backend.EMBEDDED)));
    assertEquals(2_000, ServeCommand.localRefreshMs(config, backend(SolrOptions.Backend.SOLR)));
    // a slower configured refresh is kept on either backend
    Config slow = config.withRefreshMs(5_000);
    assertEquals(5_000, ServeCommand.localRefreshMs(slow, backend(SolrOptions.Backend.SOLR)));
    assertEquals(5_000, ServeCommand.localRefreshMs(slow, backend(SolrOptions.Backend.EMBEDDED)));
  }
}
