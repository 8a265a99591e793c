package org.dateline.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * A value worked out once per segment core (its postings, points and doc values never change) and
 * dropped when the core closes: a segment's day numbers, its story table, the articles it holds
 * without a local date. A reader without a core cache key gets the value worked out on each call.
 * Two threads may both work a value out the first time; the first kept is the one kept.
 * Thread-safe.
 *
 * @param <V> the value (never null)
 */
public final class SegmentCoreCache<V> {

  /** Works a segment's value out. */
  @FunctionalInterface
  public interface Loader<V> {
    V load(LeafReader segment) throws IOException;
  }

  private final Map<Object, V> values = new ConcurrentHashMap<>();
  private final Loader<V> loader;

  public SegmentCoreCache(Loader<V> loader) {
    this.loader = loader;
  }

  /** The value of {@code segment}, worked out on first use. */
  public V get(LeafReader segment) throws IOException {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) {
      return loader.load(segment);
    }
    V known = values.get(helper.getKey());
    if (known != null) {
      return known;
    }
    V computed = loader.load(segment);
    if (values.putIfAbsent(helper.getKey(), computed) == null) {
      helper.addClosedListener(values::remove);
    }
    return computed;
  }
}
