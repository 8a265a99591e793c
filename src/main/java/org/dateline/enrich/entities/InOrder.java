package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A function applied to every item of a list on a pool, the answers in the list's order: what lets
 * the entity pass read many stories at once and still count them one after another as before.
 */
final class InOrder {

  /** Items a task takes at a time: enough to make handing them over cheap. */
  private static final int SLICE = 16;

  private InOrder() {}

  /** {@code f} of each item, in order; an exception of {@code f} is thrown here. */
  static <T, R> List<R> map(List<T> items, Function<T, R> f, ExecutorService pool) {
    List<Future<List<R>>> parts = new ArrayList<>();
    for (int from = 0; from < items.size(); from += SLICE) {
      List<T> slice = items.subList(from, Math.min(items.size(), from + SLICE));
      parts.add(
          pool.submit(
              () -> {
                List<R> out = new ArrayList<>(slice.size());
                for (T t : slice) {
                  out.add(f.apply(t));
                }
                return out;
              }));
    }
    List<R> out = new ArrayList<>(items.size());
    try {
      for (Future<List<R>> part : parts) {
        out.addAll(part.get());
      }
    } catch (InterruptedException e) {
      parts.forEach(p -> p.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading stories", e);
    } catch (ExecutionException e) {
      parts.forEach(p -> p.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }
}
