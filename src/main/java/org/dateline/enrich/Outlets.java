package org.dateline.enrich;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outlets Dateline recognises by name, web domain, tagline or a layout signature in the text
 * (shipped in {@code outlets.json}); unknown outlets pass through under the name the source gives.
 * Immutable and thread-safe.
 */
public final class Outlets {

  /** One outlet as written in outlets.json. */
  record Entry(
      String name,
      List<String> aliases,
      List<String> domains,
      List<String> taglines,
      List<String> patterns) {
    Entry {
      aliases = aliases == null ? List.of() : aliases;
      domains = domains == null ? List.of() : domains;
      taglines = taglines == null ? List.of() : taglines;
      patterns = patterns == null ? List.of() : patterns;
    }
  }

  /** An outlet found in a text, and whether by its tagline or by its layout. */
  public record Found(String name, String source) {}

  private final Map<String, String> byAlias = new HashMap<>();
  private final Map<String, String> byDomain = new HashMap<>();
  private final Map<String, String> byTagline = new HashMap<>();
  private final Map<Pattern, String> byPattern = new HashMap<>();

  private Outlets(List<Entry> entries) {
    for (Entry e : entries) {
      byAlias.put(key(e.name()), e.name());
      e.aliases().forEach(a -> byAlias.put(key(a), e.name()));
      e.domains().forEach(d -> byDomain.put(d.toLowerCase(Locale.ROOT), e.name()));
      e.taglines().forEach(t -> byTagline.put(key(t), e.name()));
      e.patterns().forEach(p -> byPattern.put(Pattern.compile(p), e.name()));
    }
  }

  /** The outlets shipped with Dateline. */
  public static Outlets standard() {
    try (InputStream in = Outlets.class.getResourceAsStream("outlets.json")) {
      return new Outlets(new ObjectMapper().readValue(in, new TypeReference<List<Entry>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("outlets.json is missing from the build", e);
    }
  }

  /**
   * A name or line as looked up: lower case, each run of characters other than letters and digits
   * one space, none at either end (what {@code replaceAll("[^\\p{L}\\p{N}]+", " ").strip()} gives,
   * in one pass: every short line of every story is looked up as a tagline).
   */
  static String key(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (Characters.isLetterOrNumber(cp)) {
        if (gap && !sb.isEmpty()) {
          sb.append(' ');
        }
        gap = false;
        sb.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return sb.toString();
  }

  /**
   * The canonical name for an outlet name as a source wrote it ("the Guardian" → "The Guardian").
   */
  public String canonical(String name) {
    String cleaned = name.strip().replaceAll("\\s+", " ");
    return byAlias.getOrDefault(key(cleaned), cleaned);
  }

  /** The outlet a URL belongs to: a known one by its domain, else the bare host name. */
  public Optional<String> fromUrl(String url) {
    Optional<String> host = host(url);
    return host.map(h -> knownHost(h).orElse(h.startsWith("www.") ? h.substring(4) : h));
  }

  /** A known outlet by the domain of {@code url} (a subdomain counts), else empty. */
  public Optional<String> knownFromUrl(String url) {
    return host(url).flatMap(this::knownHost);
  }

  /** A known outlet by one of its names or aliases, case and punctuation aside, else empty. */
  public Optional<String> known(String name) {
    return Optional.ofNullable(byAlias.get(key(name)));
  }

  /** The lower-case host of {@code url}, empty when it has none. */
  static Optional<String> host(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      String host = URI.create(url.strip().replace(" ", "%20")).getHost();
      return host == null ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Optional<String> knownHost(String host) {
    for (String h = host; h.contains("."); h = h.substring(h.indexOf('.') + 1)) {
      String known = byDomain.get(h);
      if (known != null) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  /** An outlet recognised from a tagline line or a layout signature in the article's head. */
  public Optional<Found> fromText(List<String> headLines, String head) {
    for (String line : headLines) {
      String known = byTagline.get(key(line));
      if (known != null) {
        return Optional.of(new Found(known, "tagline"));
      }
    }
    for (Map.Entry<Pattern, String> e : byPattern.entrySet()) {
      if (e.getKey().matcher(head).find()) {
        return Optional.of(new Found(e.getValue(), "text pattern"));
      }
    }
    return Optional.empty();
  }

  /** True when a line is a known outlet tagline (not the article's title). */
  public boolean isTagline(String line) {
    return byTagline.containsKey(key(line));
  }
}
