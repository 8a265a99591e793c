package org.dateline.server;

import io.javalin.config.JavalinConfig;
import io.javalin.plugin.bundled.GlobalHeadersConfig;

/**
 * Headers on every response that keep the page safe: scripts, styles and API calls only from
 * Dateline itself (no inline code, no CDN), no framing by other sites, no MIME sniffing, and no
 * Referer (a search URL holds the query, which an outlet linked from a hit need not learn).
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  private SecurityHeaders() {}

  static void install(JavalinConfig cfg) {
    cfg.bundledPlugins.enableGlobalHeaders(
        h -> {
          h.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
          h.xContentTypeOptionsNoSniff();
          h.xFrameOptions(GlobalHeadersConfig.XFrameOptions.DENY);
          h.referrerPolicy(GlobalHeadersConfig.ReferrerPolicy.NO_REFERRER);
        });
  }
}
