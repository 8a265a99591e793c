package org.dateline.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dateline.config.AccessConfig;
import org.dateline.search.SearchRequest;

/**
 * Who may do what through the API. Every {@code /api} request is given a {@link Grant} before its
 * handler runs: from its key ({@value #KEY_HEADER} header, or {@code Authorization: Bearer KEY}),
 * or, without a key, from the read-access setting and whether the client is on this machine. Keys
 * are compared as SHA-256 digests in constant time, and never logged or echoed. Thread-safe:
 * immutable after loading.
 */
final class ApiAccess {

  static final String KEY_HEADER = "X-Dateline-Key";
  private static final String GRANT_ATTRIBUTE = "dateline.grant";

  /** What one request may do: write (upload), and read within a scope (null: everything). */
  record Grant(String keyName, boolean write, ReadScope scope) {}

  /** One read key from the key file. */
  record ReadKey(String name, String key, List<String> outlet, String from, String to) {}

  /** The key file: {@code {"keys": [{"name", "key", "outlet": [...], "from", "to"}]}}. */
  record KeyFile(List<ReadKey> keys) {}

  private record Entry(byte[] digest, Grant grant) {}

  private static final Grant UNKEYED = new Grant(null, false, null);

  /** Monitoring and the API's description answer everyone: they reveal nothing of the archive. */
  private static final Set<String> PUBLIC_PATHS = Set.of("/api/health", "/api/openapi.json");

  private final AccessConfig config;
  private final List<Entry> keys;

  private ApiAccess(AccessConfig config, List<Entry> keys) {
    this.config = config;
    this.keys = keys;
  }

  /** Loads the keys of {@code config}; a bad key file fails here, at start, saying why. */
  static ApiAccess load(AccessConfig config) throws IOException {
    List<Entry> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (String key : config.writeKeys()) {
      n++;
      seen.add(key);
      keys.add(new Entry(digest(key), new Grant("write key " + n, true, null)));
    }
    if (config.readKeysFile() != null) {
      for (ReadKey rk : readKeyFile(config.readKeysFile())) {
        if (!seen.add(rk.key())) {
          throw new IllegalArgumentException(
              "read key '"
                  + rk.name()
                  + "' in "
                  + config.readKeysFile()
                  + " is used twice (or is also a write key)");
        }
        ReadScope scope =
            new ReadScope(
                rk.outlet() == null ? List.of() : rk.outlet(),
                SearchParams.day(rk.from(), "from", true),
                SearchParams.day(rk.to(), "to", false));
        keys.add(new Entry(digest(rk.key()), new Grant(rk.name(), false, scope)));
      }
    }
    return new ApiAccess(config, List.copyOf(keys));
  }

  private static List<ReadKey> readKeyFile(Path file) throws IOException {
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    KeyFile parsed;
    try {
      parsed = json.readValue(Files.readString(file), KeyFile.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(
          "the read-keys file "
              + file
              + " is not valid: expected"
              + " {\"keys\": [{\"name\": ..., \"key\": ..., \"outlet\": [...], \"from\": ...,"
              + " \"to\": ...}]}: "
              + e.getOriginalMessage(),
          e);
    }
    List<ReadKey> keys = parsed.keys() == null ? List.of() : parsed.keys();
    for (ReadKey k : keys) {
      if (k.name() == null
          || k.key() == null
          || k.key().strip().length() < AccessConfig.MIN_KEY_CHARS) {
        throw new IllegalArgumentException(
            "every key in "
                + file
                + " needs a name and a key of"
                + " at least "
                + AccessConfig.MIN_KEY_CHARS
                + " characters");
      }
    }
    return keys.stream()
        .map(k -> new ReadKey(k.name(), k.key().strip(), k.outlet(), k.from(), k.to()))
        .toList();
  }

  /** CORS for the allowed origins (the API only) and the before-handler that grants access. */
  void install(JavalinConfig cfg) {
    if (!config.corsOrigins().isEmpty()) {
      cfg.bundledPlugins.enableCors(
          cors ->
              cors.addRule(
                  rule -> {
                    rule.path = "/api/*";
                    rule.maxAge = 600;
                    rule.exposeHeader("Content-Disposition");
                    for (String origin : config.corsOrigins()) {
                      rule.allowHost(origin);
                    }
                  }));
    }
    cfg.routes.before("/api/*", this::grant);
    // Javalin's CORS plugin answers 400 to every Origin it does not list, the server's own too
    // (its handler runs after ours); browsers send Origin with the page's own PUT, POST and DELETE
    // (tags, stars, notes), which are not cross-origin at all.
    cfg.routes.beforeMatched(
        "/api/*",
        ctx -> {
          if (sameOrigin(ctx)) {
            ctx.status(HttpStatus.OK);
          }
        });
  }

  private void grant(Context ctx) {
    if (ctx.method().name().equals("OPTIONS")) {
      return; // a CORS preflight carries no key; the real request that follows does
    }
    String presented = presentedKey(ctx);
    Grant grant;
    if (presented != null) {
      grant = match(presented);
      if (grant == null) {
        throw new ApiException(
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "the API key is not valid; send a key this server knows in " + KEY_HEADER);
      }
    } else if (config.readAccess() == AccessConfig.ReadAccess.OPEN
        || PUBLIC_PATHS.contains(ctx.path())
        || (config.readAccess() == AccessConfig.ReadAccess.LOCAL && isLocal(ctx))) {
      grant = UNKEYED;
    } else {
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "this server needs a read key from clients on other machines; send it in " + KEY_HEADER);
    }
    if (grant.scope() != null && ctx.path().startsWith("/api/stats")) {
      throw ReadScope.forbidden("a scoped read key cannot see the archive's statistics");
    }
    ctx.attribute(GRANT_ATTRIBUTE, grant);
  }

  /** Whether the request's Origin is this server as the client addressed it (scheme and host). */
  static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    String host = ctx.host();
    return origin != null && host != null && origin.equalsIgnoreCase(ctx.scheme() + "://" + host);
  }

  /** Refuses the request unless it came with a write key. */
  static void requireWrite(Context ctx) {
    Grant grant = ctx.attribute(GRANT_ATTRIBUTE);
    if (grant == null || !grant.write()) {
      throw grant != null && grant.keyName() != null
          ? ReadScope.forbidden("this key may read but not write")
          : new ApiException(
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              "uploads, tags, stars and notes need a write key (DATELINE_WRITE_KEYS on the"
                  + " server) sent in "
                  + KEY_HEADER);
    }
  }

  /** The name of the request's key ("write key 1", a read key's name), or null without one. */
  static String keyName(Context ctx) {
    Grant grant = ctx.attribute(GRANT_ATTRIBUTE);
    return grant == null ? null : grant.keyName();
  }

  /** The scope of the request's key, or null when it may read everything. */
  static ReadScope scope(Context ctx) {
    Grant grant = ctx.attribute(GRANT_ATTRIBUTE);
    return grant == null ? null : grant.scope();
  }

  /** The request narrowed to its key's scope. */
  static SearchRequest pin(Context ctx, SearchRequest request) {
    ReadScope scope = scope(ctx);
    return scope == null ? request : scope.pin(request);
  }

  private static String presentedKey(Context ctx) {
    String key = ctx.header(KEY_HEADER);
    if (key == null) {
      String auth = ctx.header("Authorization");
      if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        key = auth.substring(7);
      }
    }
    return key == null || key.isBlank() ? null : key.strip();
  }

  /** Compares against every key, without stopping early, so timing says nothing about a key. */
  private Grant match(String presented) {
    byte[] d = digest(presented);
    Grant found = null;
    for (Entry e : keys) {
      if (MessageDigest.isEqual(d, e.digest()) && found == null) {
        found = e.grant();
      }
    }
    return found;
  }

  private static boolean isLocal(Context ctx) {
    try {
      // getRemoteAddr is the peer's address as a literal: no lookup, and no forwarded header.
      return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
