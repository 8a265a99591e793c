package org.dateline.enrich.entities;

import java.util.List;
import java.util.function.Supplier;

/**
 * An extractor made at its first use: a server that indexes can answer searches while the
 * recogniser's model loads (seconds, minutes on a loaded machine), and only the articles wait for
 * it. Thread-safe: the first callers wait for the one {@code make}.
 */
public final class FirstUseExtractor implements EntityExtractor {

  private final Supplier<EntityExtractor> make;
  private volatile EntityExtractor made;

  public FirstUseExtractor(Supplier<EntityExtractor> make) {
    this.make = make;
  }

  private EntityExtractor made() {
    EntityExtractor e = made;
    if (e == null) {
      synchronized (this) {
        e = made;
        if (e == null) {
          e = make.get();
          made = e;
        }
      }
    }
    return e;
  }

  @Override
  public List<Mention> extract(String text) {
    return made().extract(text);
  }

  @Override
  public Recognition recognise(String text) {
    return made().recognise(text);
  }
}
