package org.dateline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.alert.Alerts;
import org.dateline.config.Config;
import org.dateline.config.StartupTrace;
import org.dateline.config.ThreadNice;
import org.dateline.config.WatchConfig;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.pipeline.DropFolder;
import org.dateline.pipeline.IngestProgress;
import org.dateline.pipeline.IngestReport;
import org.dateline.pipeline.LiveIndex;
import org.dateline.search.EmbeddedBackend;
import org.dateline.search.QueryFactory;
import org.dateline.search.SearchBackend;
import org.dateline.search.SearchService;
import org.dateline.server.ApiServer;
import org.dateline.server.RunningServer;
import org.dateline.server.WarmUp;
import org.dateline.solr.SolrBackend;
import org.dateline.solr.SolrFollower;
import org.dateline.solr.SolrNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dateline serve}: the API and the web page. With the default index it first brings the
 * sample archive ({@code seeds/}) up to date; another index is served as it is. Commits made by a
 * {@code dateline index} running meanwhile become searchable without a restart. With {@code --watch
 * DIR} the server owns the index's writer instead and indexes what is dropped into DIR, searchable
 * near real time.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the search API and web page on http://localhost:PORT.")
final class ServeCommand implements Callable<Integer> {

  /** How often the drop folder is scanned in full, for changes its notifications missed. */
  private static final Duration RESCAN = Duration.ofSeconds(30);

  /** The local searcher's refresh interval at least, when Solr answers the searches. */
  static final long LOCAL_REFRESH_UNDER_SOLR_MS = 2_000;

  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (env DATELINE_PORT; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_PORT:-" + Config.DEFAULT_PORT + "}")
  int port;

  @Option(
      names = "--web",
      paramLabel = "DIR",
      description = "Folder of the web page (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_WEB:-" + Config.DEFAULT_WEB + "}")
  Path web;

  @Mixin AccessOptions access;

  @Mixin SolrOptions solr;

  @Option(
      names = "--watch",
      paramLabel = "DIR",
      description =
          "Own the index's writer and index every file dropped into DIR (and its"
              + " sub-folders): searchable within a second, committed every --commit-seconds."
              + " Write under a dot-name or .tmp/.part and rename when done.")
  Path watch;

  @Option(
      names = "--settle-ms",
      paramLabel = "MS",
      description =
          "With --watch: a file not modified for this long is taken as complete"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WatchConfig.DEFAULT_SETTLE_MS)
  long settleMs;

  @Option(
      names = "--commit-seconds",
      paramLabel = "S",
      description =
          "With --watch: how often what was indexed is committed (then the entity pass"
              + " runs) (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + WatchConfig.DEFAULT_COMMIT_SECONDS)
  long commitSeconds;

  @Option(
      names = "--prune",
      description =
          "With --watch: a file removed from DIR takes its articles with it (from the index and"
              + " any Solr collection). Without it the folder is an inbox that may be emptied.")
  boolean prune;

  @Spec CommandSpec spec;

  /**
   * The nice value a server gives the JIT's C2 compiler thread at its start (0: left as it is), so
   * that on a machine with few cores its requests come before the compiling of their code: the
   * first 30 s of one client's load had a p99 2.0-2.4 times the steady state's with it, 3.8-4.5
   * times without (three pairs at load 22-29; docs/figures-issue-20.md, session 14). C2 still gets
   * a core nothing else wants. The property is for benchmarks comparing the two.
   */
  static final int C2_NICE = Integer.getInteger("dateline.c2.nice", 10);

  /** The C2 compiler threads' names as the operating system keeps them (15 characters). */
  static final String C2_THREADS = "C2 CompilerThre";

  /** Counted down when {@link #preload}'s thread has quieted library logging (none started: 0). */
  private static volatile CountDownLatch loggingQuiet = new CountDownLatch(0);

  @Override
  public Integer call() throws Exception {
    StartupTrace.mark("serve command parsed");
    loggingQuiet.await();
    Config config =
        common.toConfig().withPort(port).withWebDir(web).withAccess(access.toAccessConfig());
    if (watch != null) {
      // A server that indexes keeps one core for its searches: a long file (a 70 MB line of text)
      // on every core would hold searches back for seconds.
      config = config.withIngestThreads(Math.max(1, config.ingestThreads() - 1));
      config =
          config.withWatch(
              new WatchConfig(
                  watchFolder(config),
                  Duration.ofMillis(settleMs),
                  Duration.ofSeconds(commitSeconds)));
    }
    // no spec when QuickOptions filled the options (picocli's own writer is the same stream)
    var out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    solr.check();
    if (common.defaultIndex()) {
      out.println(
          "Bringing the sample archive "
              + config.seedsDir()
              + " up to date in "
              + config.indexDir()
              + " ...");
      out.flush();
      IngestReport report =
          IndexCommand.run(config, List.of(config.seedsDir()), true, new TerminalProgress(), out);
      IndexCommand.print(report, out);
    } else if (!config.watch().enabled()
        && !DirectoryReader.indexExists(FSDirectory.open(config.indexDir()))) {
      throw new IllegalArgumentException(
          "no index in "
              + config.indexDir()
              + "; build one first: ./dateline index PATH --index "
              + config.indexDir());
    }
    if (prune && !config.watch().enabled()) {
      throw new IllegalArgumentException("--prune goes with --watch DIR: it prunes what DIR lost");
    }
    if (config.watch().enabled()) {
      serveWatching(config, solr, prune, out);
    } else {
      serveReadOnly(config, solr, out);
    }
    return 0;
  }

  /**
   * How often the local searcher sees new writes. With Solr answering the searches, only the local
   * routes (entities, stories, concordance, stats) read it, and a few seconds of lag there costs
   * nothing; each refresh cost a tenth of the server's CPU at 250 ms, taken from the indexing.
   */
  static long localRefreshMs(Config config, SolrOptions solr) {
    return solr.enabled()
        ? Math.max(config.refreshMs(), LOCAL_REFRESH_UNDER_SOLR_MS)
        : config.refreshMs();
  }

  /** The drop folder, checked: an existing folder that is neither the index nor inside it. */
  private Path watchFolder(Config config) {
    Path dir = watch.toAbsolutePath().normalize();
    Path index = config.indexDir().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--watch " + watch + " is not a folder; create it first");
    }
    if (dir.startsWith(index) || index.startsWith(dir)) {
      throw new IllegalArgumentException(
          "--watch " + watch + " and the index folder " + index + " must not contain each other");
    }
    if (settleMs < 0 || commitSeconds < 1) {
      throw new IllegalArgumentException(
          "--settle-ms must be 0 or more and --commit-seconds 1 or" + " more");
    }
    return dir;
  }

  /** Serves the index as other processes commit it; uploads open a writer of their own. */
  private static void serveReadOnly(Config config, SolrOptions solr, PrintWriter out)
      throws Exception {
    try (SearchService search =
            SearchService.openingReadOnly(config.indexDir(), config.limits(), config.refreshMs());
        SolrNodes nodes = solr.enabled() ? solr.nodes() : null) {
      // The index opens, and the warm-up runs its first searches, while the HTTP server is built;
      // the port opens when the warm-up's searches before it are over (or their time is).
      WarmUp warmUp = WarmUp.start(search);
      SearchBackend backend =
          nodes == null
              ? new EmbeddedBackend(search)
              : new SolrBackend(nodes, solr.collection, config.limits());
      // Uploads go through exactly what 'dateline index' runs.
      RunningServer app =
          ApiServer.start(
              search,
              backend,
              config,
              files ->
                  IndexCommand.run(
                      config,
                      files,
                      false,
                      IngestProgress.NONE,
                      new PrintWriter(java.io.Writer.nullWriter())),
              null,
              warmUp);
      try {
        search.awaitOpen();
      } catch (IOException | RuntimeException e) {
        app.close();
        throw e;
      }
      out.printf(
          "Dateline is serving %s on http://localhost:%d (Ctrl-C stops it)%n",
          config.indexDir(), app.port());
      out.flush();
      awaitShutdown(app::close);
    }
  }

  /**
   * Owns the index's writer: indexes the drop folder and uploads through it and searches it near
   * real time. Ctrl-C (or TERM) stops the server, then commits.
   */
  private static void serveWatching(Config config, SolrOptions solr, boolean prune, PrintWriter out)
      throws Exception {
    // Each step that may take a while says so: this start was silent for minutes (session 19).
    out.printf(
        "Opening %s for writing: this server indexes what is dropped into %s ...%n",
        config.indexDir(), config.watch().dir());
    out.flush();
    LiveIndex live = LiveIndex.open(config, out);
    SearchService search;
    RunningServer app;
    Alerts alerts = null;
    SolrNodes nodes = null;
    SolrFollower follower = null;
    try {
      search =
          SearchService.nearRealTime(
              live.index().writer(), config.limits(), localRefreshMs(config, solr));
      WarmUp.start(search);
      SearchBackend backend = new EmbeddedBackend(search);
      alerts = Alerts.open(config.indexDir(), config.limits());
      live.hook(alerts);
      if (solr.enabled()) {
        // Dateline keeps indexing and enriching; each file's articles are pushed as written.
        nodes = solr.nodes();
        follower = SolrFollower.attach(live, alerts, nodes, solr.collection, out);
        backend = new SolrBackend(nodes, solr.collection, config.limits());
      }
      app = ApiServer.start(search, backend, config, live::add, alerts);
      live.pruneRemoved(prune);
      live.watch(DropFolder.open(config.watch().dir(), config.watch().settle(), RESCAN));
    } catch (Exception e) {
      if (alerts != null) {
        alerts.close();
      }
      live.close();
      if (follower != null) {
        follower.close();
      }
      if (nodes != null) {
        nodes.close();
      }
      throw e;
    }
    Alerts saved = alerts;
    SolrNodes solrNodes = nodes;
    SolrFollower toSolr = follower;
    out.printf(
        "Dateline is serving %s on http://localhost:%d and indexing what is dropped into %s"
            + " (searchable within %d ms, committed every %d s; Ctrl-C stops it)%n",
        config.indexDir(),
        app.port(),
        config.watch().dir(),
        config.refreshMs(),
        config.watch().commitInterval().toSeconds());
    out.flush();
    if (config.entities()) {
      loadRecogniser(out);
    }
    awaitShutdown(
        () -> {
          app.close();
          try {
            search.close();
            live.close();
            saved.close();
            if (toSolr != null) {
              toSolr.close(); // after the live index: its last commit may push rewrites
            }
            if (solrNodes != null) {
              solrNodes.close();
            }
            out.println("Dateline stopped; everything indexed is committed.");
          } catch (java.io.IOException e) {
            out.println(
                "dateline: the last commit failed: "
                    + e.getMessage()
                    + "; the files still in the drop folder are indexed again at the next start");
          }
          out.flush();
        });
  }

  /**
   * Loads the entity recogniser on a thread of its own once the server answers: searches need it
   * not, and the first dropped file (or upload) waits for it, which it would have to anyway. Loaded
   * before the server started, it kept a user from the page for the seconds (minutes on a loaded
   * machine) its model takes, without a word.
   */
  private static void loadRecogniser(PrintWriter out) {
    Thread t =
        new Thread(
            () -> {
              out.println(
                  "Loading the entity recogniser for the files dropped (a few seconds, minutes on"
                      + " a busy machine); searches are answered meanwhile, files wait for it ...");
              out.flush();
              long t0 = System.nanoTime();
              try {
                NerExtractor.shared();
                out.printf(
                    java.util.Locale.ROOT,
                    "The entity recogniser is loaded (%.1f s): dropped files are indexed.%n",
                    (System.nanoTime() - t0) / 1e9);
              } catch (RuntimeException | OutOfMemoryError e) {
                out.println(
                    "dateline: the entity recogniser could not be loaded ("
                        + e.getMessage()
                        + "); restart with --no-entities to index without it");
              }
              out.flush();
            },
            "dateline-recogniser-load");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts, on a thread of its own, {@code quietLogging} (library logging set to warnings), then
   * the class initialisers every server runs and nothing before it needs: Lucene's memory-mapped
   * folder ({@link #preloadStore}), Lucene's codecs (found through service files in every jar of
   * the class path), the servers' JSON mapper, the query parser, then Jetty's ({@link
   * ApiServer#preload}). Called before the command line is parsed, so they run while the options
   * are read. The command waits for {@code quietLogging} before it touches Lucene, whose first use
   * logs through it. Between the two the C2 compiler thread is given its nice value ({@link
   * #C2_NICE}).
   */
  static void preload(Runnable quietLogging) {
    CountDownLatch quiet = new CountDownLatch(1);
    loggingQuiet = quiet;
    Thread t =
        new Thread(
            () -> {
              try {
                quietLogging.run();
              } finally {
                quiet.countDown();
              }
              if (C2_NICE != 0) {
                ThreadNice.set(C2_THREADS, C2_NICE);
              }
              // first: the main thread opens the index's folder as soon as the options are read
              preloadStore();
              org.apache.lucene.codecs.Codec.getDefault();
              ApiServer.serverMapper();
              // the query parser and the analyzers and stemmers behind it: a third of a cold first
              // search's time, and they need no index
              QueryFactory.parse("said AND \"news report\"~2 OR new* OR news~1");
              // last: the main thread needs these only when the HTTP server starts
              ApiServer.preload();
              StartupTrace.mark("preloaded");
            },
            "dateline-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The class initialisers of Lucene's memory-mapped folder and its lock factory, which every
   * server runs as it opens its index's folder: they look up native functions ({@code madvise})
   * through the foreign-function linker, which spins method handles; a third of the main thread's
   * samples before the port opened (docs/figures-issue-20.md, session 19), now beside the option
   * parsing.
   */
  static void preloadStore() {
    java.util.Objects.requireNonNull(org.apache.lucene.store.MMapDirectory.ALL_FILES);
    org.apache.lucene.store.FSLockFactory.getDefault();
  }

  /** Blocks until the JVM is asked to stop; {@code stop} runs in the shutdown hook. */
  private static void awaitShutdown(Runnable stop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
