package org.dateline.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.dateline.alert.Alerts;
import org.dateline.config.Config;
import org.dateline.search.DocumentView;
import org.dateline.search.EmbeddedBackend;
import org.dateline.search.SearchBackend;
import org.dateline.search.SearchService;
import org.eclipse.jetty.http.MimeTypes;

/**
 * The HTTP face of Dateline: the JSON API under {@code /api} and the web page from {@code web/}.
 * Handlers only translate between HTTP and {@link SearchService}; every error is mapped once, here,
 * to a JSON {@link ErrorBody}, and no stack trace reaches a client.
 */
public final class ApiServer {

  /** Longest request line and headers Jetty accepts (a 100 KB query string still gets through). */
  static final int MAX_REQUEST_LINE_BYTES = 256 * 1024;

  private ApiServer() {}

  /**
   * The mapper the servers answer with, one for the JVM: a mapper builds a serializer for each
   * class the first time it writes one (by reflection, in cold code), and the warm-up ({@link
   * WarmUp}) writes its first answer through this one, so that a user's first answer finds them
   * built. Its settings are {@link #jsonMapper()}'s, never changed after it is made.
   */
  public static ObjectMapper serverMapper() {
    return ServerMapper.MAPPER;
  }

  private static final class ServerMapper {
    static final ObjectMapper MAPPER = jsonMapper();
  }

  /** The JSON mapper of every response: snake_case names, ISO dates, nulls left out of lists. */
  public static ObjectMapper jsonMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
  }

  /**
   * Builds and starts the server on {@code config}'s port; uploads are indexed by {@code ingest}.
   */
  public static RunningServer start(SearchService search, Config config, Ingest ingest) {
    return RunningServer.start(create(search, config, ingest), config.port());
  }

  /**
   * The server of {@code serve}: searches, exports and articles answered by {@code backend} (the
   * embedded index or a SolrCloud collection; the other routes keep {@code search}), uploads
   * indexed by {@code ingest}, saved searches kept by {@code alerts} (null: the alert routes answer
   * 503).
   */
  public static RunningServer start(
      SearchService search, SearchBackend backend, Config config, Ingest ingest, Alerts alerts) {
    return RunningServer.start(create(search, backend, config, ingest, alerts), config.port());
  }

  /**
   * {@link #start(SearchService, SearchBackend, Config, Ingest, Alerts)}, its port opened when
   * {@code warmUp}'s searches before it are over (or their time is: {@link
   * WarmUp#awaitBeforePort}).
   */
  public static RunningServer start(
      SearchService search,
      SearchBackend backend,
      Config config,
      Ingest ingest,
      Alerts alerts,
      WarmUp warmUp)
      throws InterruptedException {
    Javalin app = create(search, backend, config, ingest, alerts);
    warmUp.awaitBeforePort();
    return RunningServer.start(app, config.port());
  }

  /** Builds (does not start) a server that takes no uploads. */
  public static Javalin create(SearchService search, Config config) {
    return create(search, config, Ingest.NONE);
  }

  /** Builds (does not start) the server; uploads are indexed by {@code ingest}. */
  public static Javalin create(SearchService search, Config config, Ingest ingest) {
    return create(search, config, ingest, null);
  }

  /** {@link #create(SearchService, Config, Ingest)}, with the server's {@code alerts}. */
  public static Javalin create(SearchService search, Config config, Ingest ingest, Alerts alerts) {
    return create(search, new EmbeddedBackend(search), config, ingest, alerts);
  }

  /**
   * Builds (does not start) the server; searches, exports and articles go to {@code backend}, saved
   * searches to {@code alerts} (null: none).
   */
  public static Javalin create(
      SearchService search, SearchBackend backend, Config config, Ingest ingest, Alerts alerts) {
    sparePlatformMBeanServer();
    ObjectMapper mapper = serverMapper();
    ApiAccess access = loadAccess(config);
    Uploads uploads = new Uploads(config, search, ingest);
    EntityRoutes entities = new EntityRoutes(search.entities());
    DeskRoutes desk = new DeskRoutes(search, config.indexDir());
    RequestReader reader =
        (ctx, extra) ->
            desk.restrict(ctx, entities.withVariants(ctx, SearchParams.read(ctx, extra)));
    Exporter exporter = new Exporter(search, backend, mapper, reader, desk.store());
    org.dateline.config.StartupTrace.mark("routes' state");
    return Javalin.create(
        cfg -> {
          cfg.jsonMapper(new JavalinJackson(mapper, false));
          cfg.startup.showJavalinBanner = false;
          cfg.jetty.multipartConfig.maxFileSize(config.maxFileBytes(), SizeUnit.BYTES);
          cfg.jetty.multipartConfig.maxTotalRequestSize(
              config.maxFileBytes() + Uploads.MULTIPART_OVERHEAD_BYTES, SizeUnit.BYTES);
          SecurityHeaders.install(cfg);
          access.install(cfg);
          cfg.http.maxRequestSize = config.limits().maxRequestBytes();
          // Room for a long query string, so that our own limit (max_query_chars) answers it with a
          // message; beyond this Jetty itself refuses the request line (431).
          cfg.jetty.modifyHttpConfiguration(
              http -> http.setRequestHeaderSize(MAX_REQUEST_LINE_BYTES));
          cfg.jetty.modifyHttpConfiguration(ResponseBuffering::wholeAnswers);
          cfg.jetty.modifyServer(
              server -> {
                server.setErrorHandler(new JettyErrors());
                // Javalin puts its servlet context inside the innermost wrapper it finds here
                server.setHandler(new HeadAsGet());
              });
          if (Files.isDirectory(config.webDir())) {
            cfg.staticFiles.add(
                sf -> {
                  sf.hostedPath = "/";
                  sf.directory = config.webDir().toAbsolutePath().toString();
                  sf.location = Location.EXTERNAL;
                  // every text file of the page is UTF-8, and says so: a classic script (the
                  // widget) is otherwise read in the charset of the page that loads it
                  sf.mimeTypes.add("text/html; charset=utf-8", "html", "htm");
                  sf.mimeTypes.add("text/css; charset=utf-8", "css");
                  sf.mimeTypes.add("text/javascript; charset=utf-8", "js", "mjs");
                  sf.mimeTypes.add("application/json; charset=utf-8", "json");
                  sf.mimeTypes.add("image/svg+xml; charset=utf-8", "svg");
                  sf.mimeTypes.add("text/plain; charset=utf-8", "txt");
                });
          }
          ErrorMapping.install(cfg);
          cfg.routes.before("/api/*", QueryString::check);
          cfg.routes.get(
              "/api/health",
              ctx -> {
                QueryString.onlyKnown(ctx, Set.of());
                ctx.json(Map.of("status", "ok"));
              });
          new StoryRoutes(search, backend, reader, desk).register(cfg.routes);
          cfg.routes.get("/api/export", exporter::handle);
          cfg.routes.get(
              "/api/stats",
              ctx -> {
                QueryString.onlyKnown(ctx, Set.of());
                ctx.json(search.stats());
              });
          cfg.routes.get("/api/documents/{id}", ctx -> document(backend, reader, ctx));
          cfg.routes.post("/api/documents", uploads::handle);
          cfg.routes.get("/api/concordance", new ConcordanceRoute(search, reader)::handle);
          cfg.routes.get(
              "/api/openapi.json",
              ctx -> {
                QueryString.onlyKnown(ctx, Set.of());
                OpenApi.handle(ctx);
              });
          entities.register(cfg.routes);
          new BatchRoutes(search, reader, config.limits().batchTimeoutMs()).register(cfg.routes);
          new OriginalRoute(search).register(cfg.routes);
          desk.register(cfg.routes);
          new BulkTagRoute(search, desk.store(), reader).register(cfg.routes);
          new AlertRoutes(alerts, search).register(cfg.routes);
          ErrorMapping.mapErrors(cfg);
        });
  }

  /**
   * Jetty's class initialisers that need nothing from the server, for a thread that runs beside the
   * command line's parsing ({@code serve}'s preload): its table of content types, whose initialiser
   * lists every locale the JDK knows (the locale providers loaded: 0.2-0.4 s of the main thread's
   * wall time before the port opened, at load 15). Also sets what {@link #sparePlatformMBeanServer}
   * sets.
   */
  public static void preload() {
    sparePlatformMBeanServer();
    MimeTypes.DEFAULTS.getMimeMap();
  }

  /** Jetty's property: how many object references fill a cache line. */
  static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  /**
   * Tells Jetty how many references fill a cache line, unless the JVM was told already. Without it,
   * Jetty's {@code MemoryUtils} (first used by the thread pool, as the server starts) asks the JVM
   * whether its references are compressed through the platform MBean server, which it starts for
   * that: every platform MXBean registered, the diagnostic commands' help built (JFR's settings
   * files parsed), the locale data loaded. That was 0.3-0.6 s of the main thread's CPU between the
   * routes and the port opening (docs/figures-issue-20.md, session 15), for a figure that pads one
   * queue. 16 is right with compressed references (4 bytes, a 64-byte line) and pads two lines with
   * full ones, so the queue's padding covers a line either way.
   */
  static void sparePlatformMBeanServer() {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
    }
  }

  private static ApiAccess loadAccess(Config config) {
    try {
      return ApiAccess.load(config.access());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the read-keys file "
              + config.access().readKeysFile()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * {@code ?q=} marks the query's matches (with {@code variants=true}, of every spelling, as the
   * search found them); {@code ?start=&end=} cites a passage.
   */
  private static void document(SearchBackend search, RequestReader reader, Context ctx)
      throws IOException {
    Set<String> own = Set.of("q", "start", "end");
    if (ctx.queryParam("q") == null) {
      QueryString.onlyKnown(ctx, own);
    }
    String q = ctx.queryParam("q") == null ? null : reader.read(ctx, own).query();
    DocumentView doc = search.document(ctx.pathParam("id"), q);
    ReadScope scope = ApiAccess.scope(ctx);
    if (doc == null || (scope != null && !scope.allows(doc))) {
      error(ctx, HttpStatus.NOT_FOUND, "not_found", "no article has id " + ctx.pathParam("id"));
      return;
    }
    String start = ctx.queryParam("start");
    String end = ctx.queryParam("end");
    if (start != null || end != null) {
      doc =
          doc.withPassage(
              SearchParams.integer(start, "start", 0),
              SearchParams.integer(end, "end", doc.text().length()));
    }
    ctx.json(doc);
  }

  static void error(Context ctx, HttpStatus status, String code, String message) {
    ErrorMapping.error(ctx, status, code, message);
  }
}
