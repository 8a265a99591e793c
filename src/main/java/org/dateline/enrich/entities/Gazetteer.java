package org.dateline.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place names of CoreNLP's own gazetteer (the KBP tables of its models jar: about 50,000
 * countries, states and provinces, and cities), by {@link NameKey}, and which of them are
 * countries. Its rows are pattern, class, entity type, priority; only plain names of type LOCATION
 * are kept (not the "-born" and "-based" forms, typed MISC, nor the regular expressions). Loaded
 * once, on first use. Immutable and thread-safe.
 */
public final class Gazetteer {

  /** Where the build puts the table (copied out of the models jar, as the NER model is). */
  static final String RESOURCE =
      "/edu/stanford/nlp/models/kbp/english/gazetteers/regexner_caseless.tab";

  private static final Set<String> PLACE_CLASSES = Set.of("COUNTRY", "STATE_OR_PROVINCE", "CITY");

  /** A row's pattern that is a regular expression, not a name. */
  private static final Pattern REGEX = Pattern.compile("[\\\\\\[\\](){}|*+?^$]");

  /**
   * "West" or "East" before a country's name, as the Cold War's divided Germany was written ("West
   * Germany"), which the table leaves out. Not "North" or "South": the table lists North and South
   * Korea, and "North Island" is New Zealand's, not Iceland's (the table's "Ísland" folds to
   * "island").
   */
  private static final Pattern COMPASS = Pattern.compile("\\A(?:west|east) ");

  /** The shipped table, read on first use (a run without entities never reads it). */
  private static final class Table {
    static final Set<String> COUNTRIES = new HashSet<>();
    static final Set<String> PLACES = load(COUNTRIES);
  }

  private static final Gazetteer SHARED = new Gazetteer(null, null);

  /** The names, or null for the shipped table. */
  private final Set<String> places;

  /** The countries' names, or null for the shipped table. */
  private final Set<String> countries;

  private Gazetteer(Set<String> places, Set<String> countries) {
    this.places = places;
    this.countries = countries;
  }

  /** The table shipped with Dateline; empty (knows no place) when the build left it out. */
  public static Gazetteer shared() {
    return SHARED;
  }

  /** A gazetteer of the given names, none of them a country (for tests). */
  static Gazetteer of(Set<String> names) {
    return of(names, Set.of());
  }

  /** A gazetteer of the given names and countries (for tests). */
  static Gazetteer of(Set<String> names, Set<String> countries) {
    Set<String> keys = new HashSet<>();
    names.forEach(n -> keys.add(NameKey.of(n)));
    Set<String> countryKeys = new HashSet<>();
    countries.forEach(n -> countryKeys.add(NameKey.of(n)));
    keys.addAll(countryKeys);
    return new Gazetteer(Set.copyOf(keys), Set.copyOf(countryKeys));
  }

  /** True when the table lists a place whose name folds to {@code key}. */
  public boolean isPlace(String key) {
    return (places != null ? places : Table.PLACES).contains(key);
  }

  /**
   * True when the table lists a country whose name folds to {@code key}, or {@code key} is such a
   * name after a compass word ("west germany").
   */
  public boolean isCountry(String key) {
    Set<String> known = countries != null ? countries : Table.COUNTRIES;
    Matcher compass = COMPASS.matcher(key);
    return known.contains(key)
        || compass.lookingAt() && known.contains(key.substring(compass.end()));
  }

  /** Number of place names known. */
  public int size() {
    return (places != null ? places : Table.PLACES).size();
  }

  /** The table's place names; its countries' names are added to {@code countries}. */
  private static Set<String> load(Set<String> countries) {
    Set<String> keys = new HashSet<>();
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Set.of();
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] row = line.split("\t");
        if (row.length >= 3
            && row[2].equals("LOCATION")
            && PLACE_CLASSES.contains(row[1])
            && !REGEX.matcher(row[0]).find()) {
          keys.add(NameKey.of(row[0]));
          if (row[1].equals("COUNTRY")) {
            countries.add(NameKey.of(row[0]));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the place gazetteer " + RESOURCE, e);
    }
    return Set.copyOf(keys);
  }
}
