package org.dateline.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests that once made the server work without bound, fail with an empty 500, or silently answer
 * something else than was asked (issue 14), each with the status it must get now. Shared by the
 * test that checks each answer and the one that checks the server is idle afterwards.
 */
final class HostileRequests {

  /** One request line and the answer it must get ({@code error}: the JSON error code). */
  record Case(String method, String target, int status, String error) {}

  private HostileRequests() {}

  /** {@code (a (a (a ... b) b) b)}, {@code depth} levels deep. */
  static String nested(int depth) {
    return "(a ".repeat(depth) + "b" + ")".repeat(depth);
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  static List<Case> all(String docId) {
    List<Case> c = new ArrayList<>();
    // Automata: repeats of repeats, long regexps, long fuzzy and wildcard terms.
    c.add(get("/api/search?q=" + enc("/[a-z]{1,1000}{1,1000}/"), 400, "limit_exceeded"));
    c.add(get("/api/search?q=" + enc("/[a-z]{1,300}{1,300}/"), 400, "limit_exceeded"));
    c.add(get("/api/search?q=" + enc("/((a{1,50}){1,50}){1,50}/"), 400, "limit_exceeded"));
    c.add(get("/api/search?q=" + enc("/" + "a?".repeat(600) + "/"), 400, "limit_exceeded"));
    c.add(get("/api/concordance?q=" + enc("/(.*a){1,1000}/"), 400, "limit_exceeded"));
    c.add(get("/api/export?q=" + enc("/[a-z]{1,1000}{1,1000}/"), 400, "limit_exceeded"));
    c.add(get("/api/search?q=" + enc("x".repeat(4000) + "~2"), 400, "limit_exceeded"));
    c.add(get("/api/search?q=" + enc("x".repeat(2000) + "~1"), 400, "limit_exceeded"));
    // Long wildcards are linear to build and run within the time limit.
    c.add(
        get(
            "/api/search?q=" + enc("*a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*"),
            200,
            null));
    // Nesting: 1,400 levels, under the character limit.
    String deep = enc(nested(1_400));
    for (String route :
        List.of("/api/search", "/api/concordance", "/api/export", "/api/documents/" + docId)) {
      c.add(get(route + "?q=" + deep, 400, "limit_exceeded"));
    }
    c.add(get("/api/search?q=" + enc(nested(33)), 400, "limit_exceeded"));
    // The same through the name-variants expansion and the document view's match marking.
    c.add(get("/api/search?variants=true&q=" + deep, 400, "limit_exceeded"));
    c.add(
        get(
            "/api/search?variants=true&q=" + enc("\"Bali\" /[a-z]{1,1000}{1,1000}/"),
            400,
            "limit_exceeded"));
    c.add(
        get(
            "/api/documents/" + docId + "?q=" + enc("/[a-z]{1,1000}{1,1000}/"),
            400,
            "limit_exceeded"));
    // Dates at the edges of what Java can hold.
    c.add(get("/api/search?from=%2B999999999-01-01", 400, "bad_request"));
    c.add(get("/api/search?to=-999999999-12-31", 400, "bad_request"));
    c.add(get("/api/search?q=" + enc("date:[+999999999-01-01 TO *]"), 400, "bad_request"));
    c.add(get("/api/export?q=" + enc("date:-999999999-01-01"), 400, "bad_request"));
    // Malformed or ambiguous query strings.
    c.add(get("/api/search?q=wheat%ZZ", 400, "bad_request"));
    c.add(get("/api/search?bogus%ZZ=1", 400, "bad_request"));
    c.add(get("/api/search?q=%C3%28", 400, "bad_request"));
    c.add(get("/api/search?size=1&size=1000000", 400, "bad_request"));
    c.add(get("/api/documents/" + docId + "?start=99999999999", 400, "bad_request"));
    c.add(get("/api/search?page=99999999999", 400, "bad_request"));
    // Methods a route does not have, and parameters it does not know.
    for (String method : List.of("DELETE", "PUT", "PATCH", "TRACE", "BREW")) {
      c.add(new Case(method, "/api/search?q=wheat", 405, "method_not_allowed"));
    }
    c.add(new Case("DELETE", "/api/documents/" + docId, 405, "method_not_allowed"));
    c.add(get("/api/stats?bogus=1", 400, "bad_request"));
    c.add(get("/api/documents/" + docId + "?bogus=1", 400, "bad_request"));
    c.add(get("/api/health?bogus=1", 400, "bad_request"));
    return c;
  }

  private static Case get(String target, int status, String error) {
    return new Case("GET", target, status, error);
  }
}
