package org.dateline.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The search-after position a client carries from one page to the next: the sort values of the last
 * hit it saw, which for every sort end in the article id, so the position is stable across index
 * refreshes. Encoded as URL-safe base64 of {@code sort|value|id}.
 */
final class Cursor {

  private Cursor() {}

  static String encode(SortOrder sort, FieldDoc last) {
    Object first = last.fields[0];
    String value =
        switch (sort) {
          case RELEVANCE -> Integer.toString(Float.floatToIntBits((Float) first));
          case NEWEST, OLDEST -> Long.toString((Long) first);
        };
    String id = ((BytesRef) last.fields[1]).utf8ToString();
    String raw = sort.name() + "|" + value + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static FieldDoc decode(SortOrder sort, String cursor) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = raw.split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(sort.name())) {
      throw invalid();
    }
    try {
      Object value =
          sort == SortOrder.RELEVANCE
              ? (Object) Float.intBitsToFloat(Integer.parseInt(parts[1]))
              : (Object) Long.parseLong(parts[1]);
      return new FieldDoc(
          Integer.MAX_VALUE, Float.NaN, new Object[] {value, new BytesRef(parts[2])});
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static BadRequestException invalid() {
    return new BadRequestException(
        "cursor is not valid for this search: pass the next_cursor of"
            + " the previous response unchanged, with the same q, filters and sort");
  }
}
