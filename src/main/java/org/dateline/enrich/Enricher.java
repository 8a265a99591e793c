package org.dateline.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.entities.EntityResolver;
import org.dateline.enrich.entities.Gazetteer;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.Recognition;
import org.dateline.enrich.entities.Registry;
import org.dateline.ingest.LanguageGuesser;
import org.dateline.ingest.MetaValue;
import org.dateline.ingest.Sidecar;
import org.dateline.ingest.SourceDoc;

/**
 * Turns a parsed {@link SourceDoc} into an {@link Article}: publication date, outlet, agencies,
 * title, language and entities, each metadata value with the place it came from. Precedence: the
 * user's sidecar, then the source's own fields (JSON-LD, feed, wire, embedded metadata), then the
 * URL, then patterns in the article's first lines. Thread-safe.
 */
public final class Enricher {

  /** How many non-empty leading lines count as the article's head (where datelines live). */
  private static final int HEAD_LINES = 6;

  private static final Pattern DATE_PREFIX =
      Pattern.compile("^\\s*date\\s+\\d{4}-\\d{2}-\\d{2}\\s+");
  private static final Pattern BYLINE =
      Pattern.compile("^[Bb]y\\s+(\\p{Lu}[\\p{L}.'-]+(?:\\s+\\p{Lu}[\\p{L}.'-]+){0,3})$");

  private static final EntityResolver STORY_RESOLVER = new EntityResolver(Registry.empty());

  private final Outlets outlets;
  private final Agencies agencies;
  private final EntityExtractor entities;

  public Enricher(Outlets outlets, Agencies agencies, EntityExtractor entities) {
    this.outlets = outlets;
    this.agencies = agencies;
    this.entities = entities;
  }

  /** The standard tables with the given entity recogniser. */
  public static Enricher standard(EntityExtractor entities) {
    if (entities != EntityExtractor.NONE) {
      // the resolver's place table, read now rather than by the first article (~1 s of CPU on a
      // worker, while the other worker waits for the same class to load)
      Gazetteer.shared().size();
    }
    return new Enricher(Outlets.standard(), Agencies.standard(), entities);
  }

  public Article enrich(String path, SourceDoc doc, Sidecar sidecar) {
    Map<String, String> provenance = new LinkedHashMap<>();
    List<String> head = headLines(doc.text());
    String headText = String.join("\n", head);

    PubDate date = date(doc, sidecar, head, provenance).orElse(null);
    provenance.put("date", date == null ? "none found (undated)" : date.source());

    String outlet = outlet(doc, sidecar, head, headText, provenance);

    List<String> credited = new ArrayList<>();
    if (sidecar != null && sidecar.agencies() != null) {
      credited.addAll(sidecar.agencies());
      provenance.put("agencies", "sidecar");
    } else {
      Set<String> all = new LinkedHashSet<>();
      doc.agencies().forEach(a -> all.add(agencies.canonical(a)));
      List<String> publisherWires = SourceOutlet.wiresAsPublisher(outlets, agencies, doc);
      all.addAll(publisherWires);
      all.addAll(agencies.credited(doc.text(), head));
      credited.addAll(all);
      provenance.put(
          "agencies",
          !doc.agencies().isEmpty()
              ? "wire fields"
              : publisherWires.isEmpty() ? "text pattern" : "named as the page's publisher");
    }

    String title = pick(sidecar == null ? null : sidecar.title(), doc.title());
    if (title.isBlank()) {
      title = titleFromText(head);
      provenance.put("title", "first line of text");
    } else {
      provenance.put("title", sidecar != null && sidecar.title() != null ? "sidecar" : "source");
    }

    String language =
        sidecar != null && sidecar.language() != null
            ? LanguageGuesser.normalize(sidecar.language())
            : doc.language() != null
                ? LanguageGuesser.normalize(doc.language())
                : LanguageGuesser.guess(doc.text());
    provenance.put(
        "language",
        sidecar != null && sidecar.language() != null
            ? "sidecar"
            : doc.language() != null ? "source" : "detected from text");

    List<String> authors =
        sidecar != null && sidecar.authors() != null ? sidecar.authors() : authors(doc, head);
    String url = pick(sidecar == null ? null : sidecar.url(), doc.url());

    // the outlet's tagline and promo lines are not the story: read above, not stored
    String text = PromoLines.strip(doc.text(), outlets);
    Recognition recognition = recognise(text, language);
    if (recognition.note() != null) {
      provenance.put("entities", recognition.note());
    }
    List<Mention> recognised = recognition.mentions();
    // the story on its own (short references, the alias list); the archive pass refines it
    List<Mention> mentions =
        entities == EntityExtractor.NONE
            ? recognised
            : STORY_RESOLVER.resolveStory(text, recognised);
    return new Article(
        id(path, doc.itemKey()),
        path,
        doc.itemKey(),
        url.isEmpty() ? null : url,
        title,
        text,
        date,
        outlet,
        authors,
        credited,
        language,
        doc.contentType(),
        sha256(text).substring(0, 32),
        provenance,
        Article.namesOf(mentions),
        mentions,
        recognised);
  }

  /**
   * The recogniser's mentions, read from prose only (captions and data stretches blanked, offsets
   * kept: {@link Captions}, {@link ProseOnly}); none for a text in another language than the
   * English model's: no names beat wrong ones.
   */
  private Recognition recognise(String text, String language) {
    if (entities == EntityExtractor.NONE || language != null && !language.equals("en")) {
      return new Recognition(List.of(), null);
    }
    return entities.recognise(ProseOnly.masked(Captions.masked(text)));
  }

  private static Optional<PubDate> date(
      SourceDoc doc, Sidecar sidecar, List<String> head, Map<String, String> provenance) {
    if (sidecar != null && sidecar.date() != null) {
      Optional<PubDate> d = DateParsing.parse(sidecar.date(), "sidecar");
      if (d.isPresent()) {
        return d;
      }
    }
    List<PubDate> stated = new ArrayList<>();
    for (MetaValue candidate : doc.dates()) {
      DateParsing.parse(candidate.value(), candidate.source()).ifPresent(stated::add);
    }
    if (!stated.isEmpty()) {
      PubDate chosen = stated.get(0);
      PubDate settled = PrintedDay.settle(chosen, stated.subList(1, stated.size()));
      if (settled.printedDay() != null) {
        provenance.put(PrintedDay.PROVENANCE, "the day the page's address prints");
      } else if (!Objects.equals(settled.offsetMinutes(), chosen.offsetMinutes())) {
        provenance.put(PrintedDay.PROVENANCE, "the offset another form of the date states");
      }
      return Optional.of(settled);
    }
    return DateLines.find(head, "text pattern");
  }

  private String outlet(
      SourceDoc doc,
      Sidecar sidecar,
      List<String> head,
      String headText,
      Map<String, String> provenance) {
    if (sidecar != null && sidecar.outlet() != null) {
      provenance.put("outlet", "sidecar");
      return sidecar.outlet();
    }
    Optional<Outlets.Found> named = SourceOutlet.pick(outlets, agencies, doc);
    if (named.isPresent()) {
      provenance.put("outlet", named.get().source());
      return named.get().name();
    }
    Optional<String> fromUrl = outlets.fromUrl(doc.url());
    if (fromUrl.isPresent()) {
      provenance.put("outlet", "url");
      return fromUrl.get();
    }
    Optional<Outlets.Found> fromText = outlets.fromText(head, headText);
    if (fromText.isPresent()) {
      provenance.put("outlet", fromText.get().source());
      return fromText.get().name();
    }
    provenance.put("outlet", "none found");
    return null;
  }

  private String titleFromText(List<String> head) {
    for (String line : head) {
      if (outlets.isTagline(line) || agencies.isAgencyLine(line)) {
        continue;
      }
      String t = DATE_PREFIX.matcher(line).replaceFirst("").strip();
      if (!t.isEmpty()) {
        return t.length() > 300 ? t.substring(0, 300) : t;
      }
    }
    return "";
  }

  private static List<String> authors(SourceDoc doc, List<String> head) {
    if (!doc.authors().isEmpty()) {
      return doc.authors();
    }
    for (String line : head) {
      var m = BYLINE.matcher(line.strip());
      if (m.matches()) {
        return List.of(m.group(1));
      }
    }
    return List.of();
  }

  static List<String> headLines(String text) {
    List<String> lines = new ArrayList<>(HEAD_LINES);
    for (String line : text.split("\n", 40)) {
      if (!line.isBlank()) {
        lines.add(line.strip());
        if (lines.size() == HEAD_LINES) {
          break;
        }
      }
    }
    return lines;
  }

  private static String pick(String preferred, String fallback) {
    if (preferred != null && !preferred.isBlank()) {
      return preferred.strip();
    }
    return fallback == null ? "" : fallback.strip();
  }

  /** Stable id: the same file and item always get the same id, whatever order they are indexed. */
  static String id(String path, String itemKey) {
    return sha256(path + "#" + itemKey).substring(0, 20);
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
