package org.dateline.enrich.entities;

import java.util.Set;

/**
 * Nouns that head an organisation's name but name no organisation alone: "the Bank said", "the
 * Commission ruled" refer back to a body the story named in full, and "Secretary of State" is an
 * office; "the Bill" before Parliament is a law in the making. Such a word is an entity only as the
 * full name its story gives it. Stateless.
 */
final class BodyNouns {

  /** Folded as {@link NameKey#of} folds them. */
  private static final Set<String> WORDS =
      Set.of(
          "bank",
          "state",
          "commission",
          "committee",
          "council",
          "cabinet",
          "association",
          "federation",
          "union",
          "ministry",
          "department",
          "agency",
          "authority",
          "board",
          "bureau",
          "office",
          "court",
          "government",
          "fund",
          "institute",
          "exchange",
          "assembly",
          "administration",
          "foundation",
          "society",
          "bill");

  private BodyNouns() {}

  /** True when the key is one such noun alone ("bank"), not a name holding one ("world bank"). */
  static boolean alone(String key) {
    return WORDS.contains(key);
  }
}
