package org.dateline.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;

/**
 * The rules every API query string follows, checked on its raw text before any route reads it (the
 * servlet container decodes leniently: {@code %ZZ} would silently become something else, and a
 * repeated parameter would silently be its first value). Percent-escapes must be two hex digits
 * that decode to UTF-8; a parameter appears once, except the facet filters, which select several
 * values by repeating. Stateless.
 */
final class QueryString {

  private QueryString() {}

  /** Refuses a query string that is malformed or repeats a single-valued parameter. */
  static void check(Context ctx) {
    String raw = ctx.queryString();
    if (raw == null || raw.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
      if (eq >= 0) {
        decode(pair.substring(eq + 1), name);
      }
      if (!seen.add(name) && !Schema.FACET_DIMS.contains(name)) {
        throw new BadRequestException(
            "parameter "
                + SearchParams.abbreviate(name)
                + " is given"
                + " more than once; give it once (only the filters "
                + String.join(", ", Schema.FACET_DIMS)
                + " may repeat)");
      }
    }
  }

  /** Refuses parameters a route without search parameters does not know. */
  static void onlyKnown(Context ctx, Set<String> known) {
    Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new BadRequestException(
          "unknown parameter(s) "
              + unknown
              + " for "
              + ctx.path()
              + (known.isEmpty()
                  ? "; it takes none"
                  : "; known: " + String.join(", ", new TreeSet<>(known))));
    }
  }

  /** {@code part} percent-decoded ('+' is a space), or a 400 naming what is malformed. */
  static String decode(String part, String parameter) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        int hi = i + 1 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
        int lo = i + 2 < part.length() ? Character.digit(part.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw malformed(part, parameter, "'%' must be followed by two hex digits");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        throw malformed(part, parameter, "characters outside ASCII must be percent-encoded");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed(part, parameter, "the escapes do not decode to UTF-8");
    }
  }

  private static BadRequestException malformed(String part, String parameter, String why) {
    String what =
        parameter == null
            ? "the parameter name '" + SearchParams.abbreviate(part) + "'"
            : "the value of " + SearchParams.abbreviate(parameter);
    return new BadRequestException(
        what
            + " is not valid percent-encoding ("
            + why
            + ");"
            + " encode the query string as UTF-8 with %XX escapes");
  }
}
