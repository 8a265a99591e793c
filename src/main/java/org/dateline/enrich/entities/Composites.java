package org.dateline.enrich.entities;

import java.util.Arrays;

/**
 * Features made of several tokens' strings ({@code pWord + "..." + cShape + "-PW_CTYPE|C"}) for one
 * clique: each is kept as its parts, its hash worked out from theirs and its index found in the
 * feature table without building the string; spelled out only when a clique holds two features of
 * equal hash. Not thread-safe: one per thread, {@link #clear cleared} with its clique.
 */
final class Composites implements FeatureSpelling {

  /** The most parts a feature of the model's templates has. */
  private static final int MAX_PARTS = 6;

  private final FeatureTable table;
  private String[][] rows = new String[16][MAX_PARTS];
  private int[] partCounts = new int[16];
  private int size;

  Composites(FeatureTable table) {
    this.table = table;
  }

  void clear() {
    size = 0;
  }

  /** Adds {@code a + b + c + d} (the parts given; null ends them) to {@code out}. */
  void add(OrderedFeatures out, String a, String b, String c, String d) {
    add(out, a, b, c, d, null, null);
  }

  /** Adds the concatenation of the non-null parts, in order, to {@code out}. */
  void add(OrderedFeatures out, String a, String b, String c, String d, String e, String f) {
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
      partCounts = Arrays.copyOf(partCounts, size * 2);
      for (int i = size; i < rows.length; i++) {
        rows[i] = new String[MAX_PARTS];
      }
    }
    String[] row = rows[size];
    int n = 0;
    int hash = 0;
    for (String part : new String[] {a, b, c, d, e, f}) {
      if (part == null) {
        break;
      }
      row[n++] = part;
      hash = StringHashes.append(hash, part);
    }
    partCounts[size] = n;
    out.add(hash, table.indexOf(hash, row, n), this, size);
    size++;
  }

  @Override
  public String spell(int row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < partCounts[row]; i++) {
      sb.append(rows[row][i]);
    }
    return sb.toString();
  }
}
