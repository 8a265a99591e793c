package org.dateline.enrich;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;

/**
 * One normalised, enriched article: the unit Dateline indexes and returns.
 *
 * @param id stable id: derived from the source path and the item key inside it
 * @param path the source file, as given to {@code dateline index}
 * @param date publication date, or null when the article is honestly undated
 * @param provenance where each metadata value came from ("date" → "json-ld", "outlet" → "tagline")
 * @param entities canonical entity names by type ("person", "organization", "place")
 * @param mentions every entity mention as written, with offsets into {@code text}, its entity's
 *     type and canonical name (suppressed names left out)
 * @param recognised what the recogniser found, before resolution: the input the entity registry is
 *     re-applied to without re-reading the source
 */
public record Article(
    String id,
    String path,
    String itemKey,
    String url,
    String title,
    String text,
    PubDate date,
    String outlet,
    List<String> authors,
    List<String> agencies,
    String language,
    String contentType,
    String contentHash,
    Map<String, String> provenance,
    Map<String, List<String>> entities,
    List<Mention> mentions,
    List<Mention> recognised) {

  public Article {
    authors = List.copyOf(authors);
    agencies = List.copyOf(agencies);
    provenance = Map.copyOf(provenance);
    entities = Map.copyOf(entities);
    mentions = List.copyOf(mentions);
    recognised = recognised == null ? mentions : List.copyOf(recognised);
  }

  /** Canonical entity names by type ("person", ...), each once, in order of first mention. */
  public static Map<String, List<String>> namesOf(List<Mention> mentions) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (EntityType type : EntityType.values()) {
      Set<String> names = new LinkedHashSet<>();
      for (Mention m : mentions) {
        if (m.type() == type) {
          names.add(m.canonical() != null ? m.canonical() : m.text());
        }
      }
      out.put(type.jsonName(), List.copyOf(names));
    }
    return out;
  }

  /** The same article with another text (the index stores the text apart from the rest). */
  public Article withText(String newText) {
    return copy(newText, outlet, provenance, entities, mentions);
  }

  /** The same article under another outlet name, with where that name came from. */
  public Article withOutlet(String newOutlet, String source) {
    Map<String, String> newProvenance = new java.util.HashMap<>(provenance);
    newProvenance.put("outlet", source);
    return copy(text, newOutlet, newProvenance, entities, mentions);
  }

  /** The same article with new entity data (used when the registry is re-applied). */
  public Article withEntities(Map<String, List<String>> newEntities, List<Mention> newMentions) {
    return copy(text, outlet, provenance, newEntities, newMentions);
  }

  private Article copy(
      String newText,
      String newOutlet,
      Map<String, String> newProvenance,
      Map<String, List<String>> newEntities,
      List<Mention> newMentions) {
    return new Article(
        id,
        path,
        itemKey,
        url,
        title,
        newText,
        date,
        newOutlet,
        authors,
        agencies,
        language,
        contentType,
        contentHash,
        newProvenance,
        newEntities,
        newMentions,
        recognised);
  }
}
