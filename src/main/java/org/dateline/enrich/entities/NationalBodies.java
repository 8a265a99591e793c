package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Bodies every country has, written by the name they have in each: "the Finance Ministry", "the
 * central bank". Across an archive such a name joins Japan's ministry and Brazil's into one facet
 * value; a journalist needs them apart. A wire story names the country such a body belongs to just
 * before it ("Japan's Finance Ministry") or as the country it is about ("The Finance Ministry said
 * ... fund manager in Japan") or in its title ("JAPAN WARNS OF ANTI-U.S. SENTIMENT"), so the name
 * is shown with that country, "Finance Ministry (Japan)". A story that names no country, or two as
 * often and none in its title, does not say whose body it is: no entity. Only countries count (a
 * city such as "Tokyo" is not mapped to one), and never the United States: its government's
 * portfolios are departments and its central bank the Federal Reserve, so the "Foreign Ministry" of
 * a story about Japan's trade with the United States is Japan's. Stateless.
 */
final class NationalBodies {

  /** What may stand between a country's name and its body: "Japan's Finance Ministry". */
  private static final Pattern BETWEEN = Pattern.compile("(?:['’]s)?[ \\t]+");

  /** Countries whose bodies are not called so, folded: see the class comment. */
  private static final Set<String> OTHERWISE_NAMED = Set.of("united states");

  /**
   * The most words of a country's name the title is read for ("united kingdom of great britain").
   */
  private static final int MAX_NAME_WORDS = 7;

  private NationalBodies() {}

  /**
   * True when the folded name is a body every country has: a portfolio's ministry in either word
   * order ("finance ministry", "ministry of finance") or "central bank".
   */
  static boolean isGeneric(String key) {
    List<String> words = NameKey.words(key);
    return words.equals(List.of("central", "bank"))
        || words.size() == 2
            && words.get(1).equals("ministry")
            && MentionCues.PORTFOLIOS.contains(words.get(0))
        || words.size() == 3
            && words.get(0).equals("ministry")
            && words.get(1).equals("of")
            && MentionCues.PORTFOLIOS.contains(words.get(2));
  }

  /**
   * The resolved mentions of one story with each generic body's name qualified by its country, or
   * left out where the story does not say which country's it is; {@code placeNamed} gives the name
   * the archive shows for a place's key, or null where the archive has no such place.
   */
  static List<Mention> qualified(
      String text,
      String title,
      List<Mention> resolved,
      Gazetteer gazetteer,
      Function<String, String> placeNamed) {
    List<Mention> countries = new ArrayList<>();
    boolean generic = false;
    for (Mention m : resolved) {
      String key = NameKey.of(m.canonical());
      if (m.type() == EntityType.PLACE
          && gazetteer.isCountry(key)
          && !OTHERWISE_NAMED.contains(key)) {
        countries.add(m);
      } else if (m.type() == EntityType.ORGANIZATION && isGeneric(key)) {
        generic = true;
      }
    }
    if (!generic) {
      return resolved;
    }
    String storys = titles(title, gazetteer, placeNamed);
    if (storys == null) {
      storys = mostNamed(countries);
    }
    List<Mention> out = new ArrayList<>(resolved.size());
    for (Mention m : resolved) {
      if (m.type() != EntityType.ORGANIZATION || !isGeneric(NameKey.of(m.canonical()))) {
        out.add(m);
        continue;
      }
      String before = countryJustBefore(text, m, countries);
      String country = before != null ? before : storys;
      if (country != null) {
        String name = m.canonical() + " (" + country + ")";
        out.add(new Mention(m.text(), m.type(), m.start(), m.end(), name));
      }
    }
    return out;
  }

  /** The country named just before the mention ("Japan's Finance Ministry"), or null. */
  private static String countryJustBefore(String text, Mention m, List<Mention> countries) {
    for (Mention c : countries) {
      if (c.end() < m.start()
          && m.start() - c.end() <= 4
          && BETWEEN.matcher(text).region(c.end(), m.start()).matches()) {
        return c.canonical();
      }
    }
    return null;
  }

  /**
   * The one country the title names, by the name the archive gives that place (a headline's
   * capitals are not how the facet writes it), or null: when the title names none (the United
   * States aside), or several, or one the archive never names as a place.
   */
  static String titles(String title, Gazetteer gazetteer, Function<String, String> placeNamed) {
    if (title == null || title.isBlank()) {
      return null;
    }
    Set<String> named = countriesIn(NameKey.words(NameKey.of(title)), gazetteer);
    if (named.size() != 1) {
      return null;
    }
    String name = placeNamed.apply(named.iterator().next());
    return name == null || OTHERWISE_NAMED.contains(NameKey.of(name)) ? null : name;
  }

  /**
   * The countries' keys in a title's words, longest name first ("west germany", not "germany");
   * none when a name follows an initial, as "S. KOREA" does.
   */
  private static Set<String> countriesIn(List<String> words, Gazetteer gazetteer) {
    Set<String> found = new HashSet<>();
    int i = 0;
    while (i < words.size()) {
      int taken = 0;
      for (int n = Math.min(MAX_NAME_WORDS, words.size() - i); n >= 1 && taken == 0; n--) {
        String name = String.join(" ", words.subList(i, i + n));
        if (gazetteer.isCountry(name)) {
          if (i > 0 && words.get(i - 1).length() == 1) {
            // "S. KOREA": an initial cut from the name ("korea" alone is not South Korea's key)
            return Set.of();
          }
          taken = n;
          if (!OTHERWISE_NAMED.contains(name)) {
            found.add(name);
          }
        }
      }
      i += Math.max(taken, 1);
    }
    return found;
  }

  /** The country the story names more often than any other, or null when none is. */
  private static String mostNamed(List<Mention> countries) {
    Map<String, Integer> counts = new HashMap<>();
    countries.forEach(c -> counts.merge(c.canonical(), 1, Integer::sum));
    String top = null;
    int most = 0;
    boolean tied = false;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        top = e.getKey();
        most = e.getValue();
        tied = false;
      } else if (e.getValue() == most) {
        tied = true;
      }
    }
    return tied ? null : top;
  }
}
