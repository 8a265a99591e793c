package org.dateline.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;

/** An entity name as one article writes it, with the canonical name it resolves to. */
public record WrittenName(String text, EntityType type, String canonical) {

  /** Each distinct (written, type, canonical) of an article once, in order of first mention. */
  public static List<WrittenName> of(List<Mention> mentions) {
    Set<WrittenName> out = new LinkedHashSet<>();
    for (Mention m : mentions) {
      out.add(
          new WrittenName(
              m.text().replaceAll("\\s+", " "),
              m.type(),
              m.canonical() == null ? m.text() : m.canonical()));
    }
    return new ArrayList<>(out);
  }
}
