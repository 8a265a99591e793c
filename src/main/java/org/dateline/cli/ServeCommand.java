package org.dateline.cli;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.config.Config;
import org.dateline.index.IngestProgress;
import org.dateline.index.IngestReport;
import org.dateline.search.SearchService;
import org.dateline.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dateline serve}: the API and the web page. With the default index it first brings the
 * sample archive ({@code seeds/}) up to date; another index is served as it is. Commits made by a
 * {@code dateline index} running meanwhile become searchable without a restart.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search API and web page on http://localhost:PORT.")
final class ServeCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--port", paramLabel = "N", description = "Port (env DATELINE_PORT; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_PORT:-7070}")
  int port;

  @Option(names = "--web", paramLabel = "DIR", description = "Folder of the web page (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_WEB:-web}")
  Path web;

  @Mixin AccessOptions access;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Config config = common.toConfig().withPort(port).withWebDir(web)
        .withAccess(access.toAccessConfig());
    var out = spec.commandLine().getOut();
    if (common.defaultIndex()) {
      out.println("Bringing the sample archive " + config.seedsDir() + " up to date in "
          + config.indexDir() + " ...");
      out.flush();
      IngestReport report = IndexCommand.run(config, List.of(config.seedsDir()), true,
          new TerminalProgress(), out);
      IndexCommand.print(report, out);
    } else if (!DirectoryReader.indexExists(FSDirectory.open(config.indexDir()))) {
      throw new IllegalArgumentException("no index in " + config.indexDir()
          + "; build one first: ./dateline index PATH --index " + config.indexDir());
    }
    try (SearchService search = SearchService.readOnly(config.indexDir(), config.limits())) {
      // Uploads go through exactly what 'dateline index' runs.
      Javalin app = ApiServer.create(search, config,
          files -> IndexCommand.run(config, files, false, IngestProgress.NONE,
              new java.io.PrintWriter(java.io.Writer.nullWriter()))).start(config.port());
      out.printf("Dateline is serving %s on http://localhost:%d (Ctrl-C stops it)%n",
          config.indexDir(), app.port());
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.stop();
        stopped.countDown();
      }));
      stopped.await();
    }
    return 0;
  }
}
