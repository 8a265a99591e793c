package org.dateline.alert;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The ids of the alerts one article matched, in the order their candidates ran: a list, since a
 * batch runs each candidate once (no id is added twice). A sorted set of them cost ~11 string
 * comparisons a match, each a cache miss among 100k alerts' ids: a fifth of the ingest hook with
 * 100k alerts (issue 17's profile). {@link #contains} (tests, comparisons) builds a hash set the
 * first time it is asked.
 */
final class MatchedIds extends AbstractSet<String> {

  private final List<String> ids = new ArrayList<>();
  private Set<String> lookup;

  /** Adds an id not in the set yet (the caller's promise). */
  @Override
  public boolean add(String id) {
    ids.add(id);
    lookup = null;
    return true;
  }

  @Override
  public boolean contains(Object o) {
    if (lookup == null) {
      lookup = new HashSet<>(ids);
    }
    return lookup.contains(o);
  }

  @Override
  public Iterator<String> iterator() {
    return java.util.Collections.unmodifiableList(ids).iterator();
  }

  @Override
  public int size() {
    return ids.size();
  }
}
