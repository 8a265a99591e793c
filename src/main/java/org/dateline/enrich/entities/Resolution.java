package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The outcome of one {@link EntityResolver#resolve(ResolverMemory, List)}: the canonical entity of
 * every name key counted, for the stories just added and for any story read before. Not
 * thread-safe.
 */
public final class Resolution {

  /** The entity a name key stands for: its type and the name shown for it. */
  public record Label(EntityType type, String name) {}

  private final EntityResolver resolver;
  private final NameGroups groups;
  private final NameParts parts;
  private final Map<String, List<EntityResolver.Named>> named;
  private final Set<String> suppressed;
  private final Map<String, EntityType> retype = new HashMap<>();
  private final Map<String, String> rename = new HashMap<>();

  Resolution(
      EntityResolver resolver,
      NameGroups groups,
      NameParts parts,
      Map<String, List<EntityResolver.Named>> named) {
    this.resolver = resolver;
    this.groups = groups;
    this.parts = parts;
    this.named = named;
    Registry registry = resolver.registry();
    this.suppressed = EntityResolver.keys(registry.suppress());
    registry.retype().forEach((name, type) -> retype.put(NameKey.of(name), type));
    registry.rename().forEach((from, to) -> rename.put(NameKey.of(from), to));
  }

  /** Everything counted: the memory the next resolution starts from. */
  public ResolverMemory memory() {
    return groups.memory(parts);
  }

  /**
   * Canonical, typed mentions of {@code doc} (added now or read before); suppressed left out, and a
   * person's first name alone left out unless its outlet's archive says whose it is.
   */
  public List<Mention> mentions(EntityResolver.Doc doc) {
    List<EntityResolver.Named> local = named.get(doc.id());
    return mentions(doc, local != null ? local : resolver.named(doc));
  }

  /**
   * {@link #mentions(EntityResolver.Doc)} of each of {@code docs}, in order; the stories' own
   * reading (their names, which needs nothing counted) done on {@code pool}, the look-ups here.
   */
  public List<List<Mention>> mentions(List<EntityResolver.Doc> docs, ExecutorService pool) {
    List<List<EntityResolver.Named>> local =
        InOrder.map(
            docs,
            d -> {
              List<EntityResolver.Named> kept = named.get(d.id());
              return kept != null ? kept : resolver.named(d);
            },
            pool);
    List<List<Mention>> out = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      out.add(mentions(docs.get(i), local.get(i)));
    }
    return out;
  }

  private List<Mention> mentions(EntityResolver.Doc doc, List<EntityResolver.Named> local) {
    List<Mention> resolved = new ArrayList<>();
    for (EntityResolver.Named n : local) {
      Label label = label(n.key());
      if (label == null || suppressed.contains(NameKey.of(n.mention().text()))) {
        continue;
      }
      String alone = NameParts.alone(n.mention().text());
      boolean joinedInStory = !n.key().equals(NameKey.of(n.mention().text()));
      if (alone != null && !joinedInStory && label.type() == EntityType.PERSON) {
        Label whose = inOutlet(doc.outlet(), alone);
        if (whose != null) {
          label = whose;
        } else if (parts.isGivenName(alone) || peopleInOutlet(doc.outlet(), alone) >= 2) {
          // a first name alone, or a surname of several people of the outlet ("Brown" where
          // Gordon and Wes Brown are both written in full, neither most of them): no entity beats
          // a wrong one, and a facet value "Brown" would count several people as one
          continue;
        }
      }
      Mention m = n.mention();
      resolved.add(new Mention(m.text(), label.type(), m.start(), m.end(), label.name()));
    }
    return NationalBodies.qualified(
        doc.text(), doc.title(), resolved, resolver.gazetteer(), this::placeNamed);
  }

  /** The name shown for a place's key, or null when the archive names no place so. */
  private String placeNamed(String key) {
    Label label = label(key);
    return label != null && label.type() == EntityType.PLACE ? label.name() : null;
  }

  /**
   * The person a name written alone stands for in {@code outlet}'s archive: the full name holding
   * {@link NameParts#MIN_SHARE} of that outlet's full names with this first or last word, or null.
   */
  private Label inOutlet(String outlet, String alone) {
    Map<String, Integer> byGroup = new HashMap<>();
    Map<String, String> keyOfGroup = new HashMap<>();
    int total = 0;
    for (Map.Entry<String, Integer> e : parts.fullNames(outlet, alone).entrySet()) {
      String root = groups.find(e.getKey());
      byGroup.merge(root, e.getValue(), Integer::sum);
      keyOfGroup.putIfAbsent(root, e.getKey());
      total += e.getValue();
    }
    for (Map.Entry<String, Integer> g : byGroup.entrySet()) {
      Label full = label(keyOfGroup.get(g.getKey()));
      if (g.getValue() >= NameParts.MIN_SHARE * total
          && full != null
          && full.type() == EntityType.PERSON) {
        return full;
      }
    }
    return null;
  }

  /** How many people {@code outlet}'s full names with {@code alone} as first or last word name. */
  private int peopleInOutlet(String outlet, String alone) {
    Set<String> people = new HashSet<>();
    for (String key : parts.fullNames(outlet, alone).keySet()) {
      Label full = label(key);
      if (full != null && full.type() == EntityType.PERSON) {
        people.add(groups.find(key));
      }
    }
    return people.size();
  }

  /** The entity of a name key, or null when the key is empty or its entity suppressed. */
  public Label label(String key) {
    if (key.isEmpty()) {
      return null;
    }
    String canonical = groups.canonical(key);
    String canonicalKey = groups.canonicalKey(key);
    if (suppressed.contains(canonicalKey)) {
      return null;
    }
    return new Label(
        retype.getOrDefault(canonicalKey, groups.type(key)),
        rename.getOrDefault(canonicalKey, canonical));
  }

  /**
   * The entities of {@code before} that some of its name keys no longer stand for here (a merge or
   * a new most frequent spelling changed their name or type): the stories that named them must be
   * resolved again.
   */
  public Set<Label> changedSince(Resolution before) {
    Set<Label> changed = new HashSet<>();
    for (String key : before.groups.seenKeys()) {
      Label was = before.label(key);
      if (was != null && !was.equals(label(key))) {
        changed.add(was);
      }
    }
    return changed;
  }

  /**
   * The words that, written alone as a person's name in an earlier story, would now be read
   * differently: joined to another full name of the outlet, no longer joined, or a first name alone
   * now dropped or kept. Those stories cannot all be found by the entity they named (a dropped name
   * named none), so the incremental pass finds them by the word in their text.
   */
  public Set<String> aloneNamesChangedSince(Resolution before) {
    Set<String> seen = new HashSet<>();
    for (String key : before.groups.seenKeys()) {
      String alone = NameParts.alone(key); // "mr brown" is "brown" alone
      if (alone != null) {
        seen.add(alone);
      }
    }
    Set<String> changed = new HashSet<>();
    for (Map.Entry<String, Map<String, Map<String, Integer>>> outlet : parts.counts().entrySet()) {
      for (String part : outlet.getValue().keySet()) {
        String word = part.substring(part.indexOf(' ') + 1);
        if (seen.contains(word)
            && !changed.contains(word)
            && !before
                .readingAlone(outlet.getKey(), word)
                .equals(readingAlone(outlet.getKey(), word))) {
          changed.add(word);
        }
      }
    }
    return changed;
  }

  /** How a person's name written as {@code word} alone in {@code outlet} is read. */
  private String readingAlone(String outlet, String word) {
    Label whose = inOutlet(outlet, word);
    return whose != null
        ? whose.toString()
        : parts.isGivenName(word) || peopleInOutlet(outlet, word) >= 2 ? "dropped" : "alone";
  }
}
