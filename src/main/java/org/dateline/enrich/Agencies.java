package org.dateline.enrich;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the wire agencies an article credits, not those it merely mentions: a sign-off ("— AFP"), a
 * dateline ("BEIRUT (Reuters) -"), a byline line ("Associated Press"), "Reuters reports",
 * "according to Reuters". A quote given to an agency ("he told AFP") is not a credit. Agencies come
 * from {@code agencies.json}. Immutable and thread-safe.
 */
public final class Agencies {

  record Entry(String name, List<String> names) {}

  private final Map<String, String> canonical = new HashMap<>();

  /** The same names by a folded key: "REUTERS" and "Reuters" are one agency. */
  private final Map<String, String> byKey = new HashMap<>();

  private final Pattern signOff;
  private final Pattern dateline;

  /** How many of an article's first lines may open with a dateline: headline, byline, dateline. */
  private static final int DATELINE_LINES = 3;

  private final Pattern reports;
  private final Pattern accordingTo;

  private Agencies(List<Entry> entries) {
    List<String> alternatives = new ArrayList<>();
    for (Entry e : entries) {
      for (String n : e.names()) {
        canonical.put(n, e.name());
        byKey.put(key(n), e.name());
        alternatives.add(Pattern.quote(n));
      }
    }
    alternatives.sort((a, b) -> b.length() - a.length());
    String any = "(" + String.join("|", alternatives) + ")";
    signOff = Pattern.compile("[—–-]\\s*" + any + "\\s*\\.?\\s*\\z");
    dateline = Pattern.compile("\\A[^\\n]{0,80}?\\(" + any + "\\)\\s*[-—–]");
    reports = Pattern.compile("\\b" + any + "\\s+(?:reports|reported|said in a report)\\b");
    accordingTo = Pattern.compile("\\b[Aa]ccording to (?:the )?" + any + "\\b");
  }

  /** The agencies shipped with Dateline. */
  public static Agencies standard() {
    try (InputStream in = Agencies.class.getResourceAsStream("agencies.json")) {
      return new Agencies(new ObjectMapper().readValue(in, new TypeReference<List<Entry>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("agencies.json is missing from the build", e);
    }
  }

  /** The canonical agency for a name a source field gives ("Deutsche Presse-Agentur" → "dpa"). */
  public String canonical(String name) {
    return known(name).orElseGet(() -> SiteNames.foldCase(name.strip().replaceAll("\\s+", " ")));
  }

  /** The canonical agency a name stands for, or empty when it names no known agency. */
  public java.util.Optional<String> known(String name) {
    String n = name.strip().replaceAll("\\s+", " ");
    String known = canonical.get(n);
    return java.util.Optional.ofNullable(known != null ? known : byKey.get(key(n)));
  }

  private static String key(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** True when the whole line is an agency's name, as a byline line is. */
  public boolean isAgencyLine(String line) {
    return canonical.containsKey(line.strip());
  }

  /** Agencies credited in {@code text}, whose first lines are {@code headLines}. */
  public List<String> credited(String text, List<String> headLines) {
    Set<String> found = new LinkedHashSet<>();
    String tail = text.length() > 300 ? text.substring(text.length() - 300) : text;
    collect(signOff.matcher(tail), found);
    collect(dateline.matcher(text.length() > 400 ? text.substring(0, 400) : text), found);
    // a plain-text story opens with its headline, and its dateline opens the next paragraph
    // ("Syrian forces say ...\n\nBEIRUT (Reuters) - ..."): the head's first lines open one too
    for (String line : headLines.subList(0, Math.min(DATELINE_LINES, headLines.size()))) {
      collect(dateline.matcher(line.length() > 400 ? line.substring(0, 400) : line), found);
    }
    for (String line : headLines) {
      if (isAgencyLine(line)) {
        found.add(canonical(line));
      }
    }
    // The two in-text credits are searched only near their cue words: running the long
    // alternation of agency names at every word of a story costs more than all other enrichment.
    for (String cue : List.of(" report", " said in a report")) {
      collectNear(text, cue, 64, 24, reports, found);
    }
    collectNear(text, "ccording to ", 2, 80, accordingTo, found);
    return List.copyOf(found);
  }

  /**
   * Runs {@code pattern} on the stretch of {@code text} from {@code before} characters ahead of
   * each occurrence of {@code cue} to {@code after} characters past it; the stretch starts at a
   * word boundary so that a word's tail is never read as a name.
   */
  private void collectNear(
      String text, String cue, int before, int after, Pattern pattern, Set<String> into) {
    for (int i = text.indexOf(cue); i >= 0; i = text.indexOf(cue, i + 1)) {
      int from = Math.max(0, i - before);
      while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
        from--;
      }
      collect(
          pattern.matcher(text.substring(from, Math.min(text.length(), i + cue.length() + after))),
          into);
    }
  }

  private void collect(Matcher m, Set<String> into) {
    while (m.find()) {
      into.add(canonical(m.group(1)));
    }
  }
}
