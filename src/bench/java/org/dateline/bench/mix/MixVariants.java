package org.dateline.bench.mix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;

/**
 * The four forms of one query in a mix: plain, with one facet filter, with two (of different
 * dimensions, so both engines read them as AND), and within a date range. Filter values and dates
 * come from articles the query finds, so a filtered request finds something, as a user's does.
 */
final class MixVariants {

  static final List<String> VARIANTS = List.of("plain", "one-filter", "two-filters", "date-range");

  /** Date range lengths in days: a day, a week, a month, a quarter. */
  private static final int[] SPANS = {1, 7, 31, 92};

  private MixVariants() {}

  /**
   * The variants of {@code query} that {@code found} (articles the query finds) allows: a variant
   * whose filter no found article can give is left out.
   */
  static List<MixRequest> of(String kind, String query, List<Article> found, Random random) {
    List<MixRequest> out = new ArrayList<>();
    out.add(new MixRequest(kind + "/plain", query, List.of(), null, null));
    for (int n = 1; n <= 2; n++) {
      List<MixRequest.Filter> filters = filters(found, n, random);
      if (filters != null) {
        String variant = n == 1 ? "/one-filter" : "/two-filters";
        out.add(new MixRequest(kind + variant, query, filters, null, null));
      }
    }
    List<Article> dated = found.stream().filter(a -> a.date() != null).toList();
    if (!dated.isEmpty()) {
      LocalDate day = localDay(dated.get(random.nextInt(dated.size())));
      int span = SPANS[random.nextInt(SPANS.length)];
      LocalDate from = day.minusDays(random.nextInt(span));
      out.add(
          new MixRequest(kind + "/date-range", query, List.of(), from, from.plusDays(span - 1)));
    }
    return out;
  }

  /** {@code n} filters of different dimensions from one found article, or null if none has n. */
  private static List<MixRequest.Filter> filters(List<Article> found, int n, Random random) {
    List<Article> rich = found.stream().filter(a -> dims(a).size() >= n).toList();
    if (rich.isEmpty()) {
      return null;
    }
    Article a = rich.get(random.nextInt(rich.size()));
    List<String> dims = new ArrayList<>(dims(a));
    List<MixRequest.Filter> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String dim = dims.remove(random.nextInt(dims.size()));
      List<String> values = a.entities().get(dim);
      out.add(new MixRequest.Filter(dim, values.get(random.nextInt(values.size()))));
    }
    return out;
  }

  /** The entity dimensions the article has values in, in the schema's order. */
  private static List<String> dims(Article a) {
    return Schema.ENTITY_DIMS.stream()
        .filter(d -> !a.entities().getOrDefault(d, List.of()).isEmpty())
        .toList();
  }

  /** The day the outlet printed the article (its local wall-clock date, as filters read it). */
  private static LocalDate localDay(Article a) {
    return Instant.ofEpochMilli(a.date().localMillis()).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
