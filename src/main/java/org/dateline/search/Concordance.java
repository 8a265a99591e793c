package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.dateline.search.kwic.KwicLine;

/**
 * Every match across a result set as one list of aligned KWIC lines, like a linguist's
 * concordancer: in result order, or sorted by the words left of the match (nearest first) or right
 * of it. Stateless.
 */
public final class Concordance {

  /** Lines returned when the client gives no limit, and the most it may ask for. */
  public static final int DEFAULT_LIMIT = 5_000;

  public static final int MAX_LIMIT = 100_000;

  /** Line order: as the hits come, by the word(s) before the match, or after it. */
  public enum Order {
    HITS,
    LEFT,
    RIGHT;

    /** Parses "hits", "left" or "right"; null or blank means hits. */
    public static Order parse(String value) {
      if (value == null || value.isBlank()) {
        return HITS;
      }
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("order must be hits, left or right; got '" + value + "'");
      }
    }
  }

  /** The lines (at most the limit asked for), how many hits they came from, and whether cut. */
  public record Result(long hits, boolean truncated, List<ConcordanceLine> lines) {}

  private Concordance() {}

  /** Collects up to {@code limit} lines of {@code request}'s hits, in {@code order}. */
  public static Result collect(SearchService search, SearchRequest request, Order order, int limit)
      throws IOException {
    return collect(search, request, false, order, limit);
  }

  /**
   * {@link #collect(SearchService, SearchRequest, Order, int)}; with {@code collapseStories}, the
   * lines of one copy per story (the copy first in the request's order), so fifty copies of one
   * wire story give its lines once.
   */
  public static Result collect(
      SearchService search, SearchRequest request, boolean collapseStories, Order order, int limit)
      throws IOException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    List<ConcordanceLine> lines = new ArrayList<>();
    long[] hits = {0};
    boolean[] truncated = {false};
    // Within the search time limit: the answer is built whole before it is sent, and a query whose
    // hits give few lines (none for an empty query) would otherwise walk the whole archive.
    search.forEachHitInTime(
        request,
        collapseStories,
        Integer.MAX_VALUE,
        hit -> {
          hits[0]++;
          for (KwicLine k : hit.kwic()) {
            if (lines.size() == limit) {
              truncated[0] = true;
              return false;
            }
            lines.add(
                new ConcordanceLine(
                    hit.id(),
                    hit.title(),
                    hit.outlet(),
                    hit.date(),
                    k.left(),
                    k.match(),
                    k.right(),
                    k.offset(),
                    hit.language()));
          }
          return true;
        });
    if (order != Order.HITS) {
      lines.sort(comparator(order));
    }
    return new Result(hits[0], truncated[0], lines);
  }

  /** Sort key: the context words outward from the match, compared case-insensitively. */
  static Comparator<ConcordanceLine> comparator(Order order) {
    Comparator<ConcordanceLine> byContext =
        order == Order.LEFT
            ? Comparator.comparing(l -> sortKey(l.left(), true))
            : Comparator.comparing(l -> sortKey(l.right(), false));
    return byContext
        .thenComparing(l -> l.match().toLowerCase(Locale.ROOT))
        .thenComparing(ConcordanceLine::id)
        .thenComparingInt(ConcordanceLine::offset);
  }

  /**
   * Words outward from the match joined by U+0001 (sorts before every letter, so "al" comes before
   * "al-Baghdadi"); punctuation around a word is ignored.
   */
  static String sortKey(String context, boolean left) {
    String[] words = context.strip().toLowerCase(Locale.ROOT).split("\\s+");
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w =
          words[left ? words.length - 1 - i : i].replaceAll(
              "^[\\p{Punct}\\p{Pi}\\p{Pf}]+|[\\p{Punct}\\p{Pi}\\p{Pf}]+$", "");
      if (w.isEmpty()) {
        continue;
      }
      if (!key.isEmpty()) {
        key.append('\u0001');
      }
      key.append(w);
    }
    return key.toString();
  }
}
