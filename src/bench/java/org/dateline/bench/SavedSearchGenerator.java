package org.dateline.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.alert.AlertSpec;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;

/**
 * Saved searches as journalists write them, generated from real articles (seeded, so every run
 * makes the same ones): words of middling frequency alone, AND-ed, OR-ed and NOT-ed; two- and
 * three-word phrases taken from the texts; {@code title:} words; filters on outlet, person and
 * place with the values the articles carry; publication-day ranges; and one in twenty a prefix
 * wildcard ({@code pric*}). For the alerts oracle (issue 17) and {@code bench alerts}.
 */
public final class SavedSearchGenerator {

  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

  private final Random random;
  private final List<String> words;
  private final List<String> phrases = new ArrayList<>();
  private final Map<String, List<String>> values = new TreeMap<>();
  private final List<LocalDate> days = new ArrayList<>();

  public SavedSearchGenerator(List<Article> articles, long seed) {
    this.random = new Random(seed);
    Map<String, Integer> df = new HashMap<>();
    Set<LocalDate> seenDays = new java.util.TreeSet<>();
    for (Article a : articles) {
      Set<String> inDoc = new HashSet<>();
      List<String> seq = new ArrayList<>();
      Matcher m = WORD.matcher(a.text());
      while (m.find()) {
        String w = m.group().toLowerCase(Locale.ROOT);
        inDoc.add(w);
        seq.add(w);
      }
      inDoc.forEach(w -> df.merge(w, 1, Integer::sum));
      if (seq.size() > 10) {
        int at = random.nextInt(seq.size() - 3);
        phrases.add(String.join(" ", seq.subList(at, at + 2 + random.nextInt(2))));
      }
      add(Schema.OUTLET, a.outlet());
      a.entities().getOrDefault(Schema.PERSON, List.of()).forEach(p -> add(Schema.PERSON, p));
      a.entities().getOrDefault(Schema.PLACE, List.of()).forEach(p -> add(Schema.PLACE, p));
      if (a.date() != null) {
        seenDays.add(a.date().localDay());
      }
    }
    int n = articles.size();
    this.words =
        df.entrySet().stream()
            .filter(e -> e.getValue() >= 3 && e.getValue() <= Math.max(10, n / 5))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    days.addAll(seenDays);
  }

  private void add(String dim, String value) {
    if (value != null && !value.isBlank()) {
      List<String> list = values.computeIfAbsent(dim, k -> new ArrayList<>());
      if (!list.contains(value)) {
        list.add(value);
      }
    }
  }

  /** {@code n} saved searches. */
  public List<AlertSpec> generate(int n) {
    List<AlertSpec> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(one(i));
    }
    return out;
  }

  private AlertSpec one(int i) {
    Map<String, List<String>> filters = new TreeMap<>();
    LocalDate from = null;
    LocalDate to = null;
    String q =
        switch (i % 20) {
          case 0, 1, 2 -> word();
          case 3, 4 -> word() + " AND " + word();
          case 5, 6 -> word() + " OR " + word();
          case 7 -> word() + " NOT " + word();
          case 8, 9 -> "\"" + phrase() + "\"";
          case 10 -> "(" + word() + " OR " + word() + ") AND " + word();
          case 11 -> "title:" + word();
          case 12 -> word().substring(0, 4) + "*";
          case 13 -> {
            filters.put(Schema.OUTLET, List.of(value(Schema.OUTLET)));
            yield word();
          }
          case 14, 15 -> {
            filters.put(Schema.PERSON, List.of(value(Schema.PERSON)));
            yield random.nextBoolean() ? "" : word() + " OR " + word();
          }
          case 16 -> {
            filters.put(Schema.PLACE, List.of(value(Schema.PLACE), value(Schema.PLACE)));
            yield word();
          }
          case 17, 18 -> {
            int a = random.nextInt(days.size());
            int b = Math.min(days.size() - 1, a + random.nextInt(5));
            from = days.get(a);
            to = days.get(b);
            yield word() + " OR " + word();
          }
          default -> "\"" + phrase() + "\" OR " + word();
        };
    if (q.isEmpty() && filters.isEmpty()) {
      q = word();
    }
    return new AlertSpec("generated " + i, q, filters, from, to, null, 0);
  }

  private String word() {
    return words.get(random.nextInt(words.size()));
  }

  private String phrase() {
    return phrases.get(random.nextInt(phrases.size()));
  }

  private String value(String dim) {
    List<String> list = values.getOrDefault(dim, List.of());
    return list.isEmpty() ? "none" : list.get(random.nextInt(list.size()));
  }
}
