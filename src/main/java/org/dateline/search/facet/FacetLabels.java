package org.dateline.search.facet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Every value of one facet dimension in an archive, with how many articles carry it, looked up the
 * way a journalist types a filter: exactly, then case- and accent-insensitively, and, when nothing
 * matches, the closest values by spelling. Built once per searcher and dimension. Immutable.
 */
public final class FacetLabels {

  /** Values at most this far apart by spelling (1 = equal) are offered as the closest. */
  private static final float CLOSE_ENOUGH = 0.6f;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static final FacetLabels NONE = new FacetLabels(null);

  /** Value to article count, most articles first. */
  private final Map<String, Long> counts = new LinkedHashMap<>();

  private final Map<String, List<String>> byFolded = new HashMap<>();

  FacetLabels(FacetResult all) {
    if (all == null) {
      return;
    }
    List<LabelAndValue> values = new ArrayList<>(List.of(all.labelValues));
    values.sort(
        Comparator.comparingLong((LabelAndValue lv) -> -lv.value.longValue())
            .thenComparing(lv -> lv.label));
    for (LabelAndValue lv : values) {
      counts.put(lv.label, lv.value.longValue());
      byFolded.computeIfAbsent(fold(lv.label), k -> new ArrayList<>(1)).add(lv.label);
    }
  }

  /** Whether some article carries exactly {@code value}. */
  public boolean contains(String value) {
    return counts.containsKey(value);
  }

  /**
   * The values that equal {@code value} once case, accents and spacing are folded ("middle east
   * monitor" finds "Middle East Monitor"); empty when none does.
   */
  public List<String> folded(String value) {
    return byFolded.getOrDefault(fold(value), List.of());
  }

  /** Up to {@code n} values spelt most like {@code value}, closest first, then most articles. */
  public List<String> closest(String value, int n) {
    LevenshteinDistance distance = new LevenshteinDistance();
    String key = fold(value);
    record Scored(String label, float similarity, long count) {}
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byFolded.entrySet()) {
      float s = distance.getDistance(key, e.getKey());
      if (s >= CLOSE_ENOUGH) {
        for (String label : e.getValue()) {
          scored.add(new Scored(label, s, counts.get(label)));
        }
      }
    }
    scored.sort(
        Comparator.comparingDouble((Scored s) -> -s.similarity())
            .thenComparingLong(s -> -s.count())
            .thenComparing(Scored::label));
    return scored.stream().limit(n).map(Scored::label).toList();
  }

  /** Lower case, no accents, single spaces, trimmed. */
  static String fold(String s) {
    String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
    return SPACES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
