package org.dateline.enrich.entities;

import java.util.List;

/**
 * What a recogniser found in one text and, when a bound stopped it short of the end (too much text,
 * too long a run), a note saying how far it got; null when it read everything.
 */
public record Recognition(List<Mention> mentions, String note) {

  public Recognition {
    mentions = List.copyOf(mentions);
  }
}
