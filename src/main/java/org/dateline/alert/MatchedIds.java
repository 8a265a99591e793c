package org.dateline.alert;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The alerts one article matched, in the order their candidates ran: their numbers (a batch runs
 * each candidate once, so none is added twice), seen as a set of ids. The book reads the numbers
 * ({@link #number}): with 100k alerts, a sorted set of ids cost ~11 string comparisons a match and
 * a map lookup by id a cache miss (issue 17's profiles). {@link #contains} (tests, comparisons)
 * builds a hash set of ids the first time it is asked.
 */
final class MatchedIds extends AbstractSet<String> {

  private final AlertNumbers names;
  private int[] numbers = new int[16];
  private int size;
  private Set<String> lookup;

  MatchedIds(AlertNumbers names) {
    this.names = names;
  }

  /** Adds alert number {@code n}, not in the set yet (the caller's promise). */
  void addNumber(int n) {
    if (size == numbers.length) {
      numbers = Arrays.copyOf(numbers, size * 2);
    }
    numbers[size++] = n;
    lookup = null;
  }

  /** The number of the {@code i}th alert matched. */
  int number(int i) {
    return numbers[i];
  }

  /** Where the numbers are named. */
  AlertNumbers names() {
    return names;
  }

  @Override
  public boolean contains(Object o) {
    if (lookup == null) {
      lookup = new HashSet<>(this);
    }
    return lookup.contains(o);
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < size;
      }

      @Override
      public String next() {
        if (i >= size) {
          throw new NoSuchElementException();
        }
        return names.id(numbers[i++]);
      }
    };
  }

  @Override
  public int size() {
    return size;
  }
}
