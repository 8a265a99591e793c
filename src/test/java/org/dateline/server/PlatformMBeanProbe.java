package org.dateline.server;

import java.nio.file.Path;
import javax.management.MBeanServerFactory;
import org.dateline.config.Config;
import org.dateline.config.Limits;
import org.dateline.search.SearchService;

/**
 * Run in a JVM of its own by {@link PlatformMBeanServerTest}: starts the API server on the index
 * folder given (any port), then prints how many MBean servers the JVM has (the platform's counts
 * once started).
 */
public final class PlatformMBeanProbe {

  private PlatformMBeanProbe() {}

  public static void main(String[] args) throws Exception {
    try (SearchService search =
        SearchService.openingReadOnly(Path.of(args[0]), Limits.defaults(), 250)) {
      RunningServer app = ApiServer.start(search, Config.defaults().withPort(0), Ingest.NONE);
      System.out.println("mbean servers: " + MBeanServerFactory.findMBeanServer(null).size());
      app.close();
    }
  }
}
