package org.dateline.enrich.entities;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The three kinds of named entity Dateline facets on. */
public enum EntityType {
  PERSON,
  ORGANIZATION,
  PLACE;

  /** The name used in JSON, URLs and index fields: "person", "organization", "place". */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
