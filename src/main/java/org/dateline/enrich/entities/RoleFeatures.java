package org.dateline.enrich.entities;

/**
 * The features one value (a word, a word shape, nothing) gives in each of its roles: each role is
 * one of the value's base strings followed by a fixed suffix ({@code "Reuters" + "-PW|C"}), with
 * the string's hash and its index in the model's feature table (-1: a feature the model does not
 * have) worked out once, without building the string. Thread-safe: immutable.
 */
final class RoleFeatures implements FeatureSpelling {

  private final String[] bases;
  private final byte[] baseOfRole;
  private final String[] suffixes;

  /** Per role: its hash at 2r, its index at 2r + 1. */
  private final int[] hashIndex;

  /**
   * Role {@code r} is {@code bases[baseOfRole[r]] + suffixes[r]}; its index comes from {@code
   * table}.
   */
  RoleFeatures(String[] bases, byte[] baseOfRole, String[] suffixes, FeatureTable table) {
    this.bases = bases;
    this.baseOfRole = baseOfRole;
    this.suffixes = suffixes;
    this.hashIndex = new int[suffixes.length * 2];
    String[] parts = new String[2];
    for (int r = 0; r < suffixes.length; r++) {
      parts[0] = bases[baseOfRole[r]];
      parts[1] = suffixes[r];
      int hash = StringHashes.append(parts[0].hashCode(), parts[1]);
      hashIndex[2 * r] = hash;
      hashIndex[2 * r + 1] = table.indexOf(hash, parts, 2);
    }
  }

  int hash(int role) {
    return hashIndex[2 * role];
  }

  int index(int role) {
    return hashIndex[2 * role + 1];
  }

  /** Base string {@code i} (as given). */
  String base(int i) {
    return bases[i];
  }

  /** Adds role {@code role}'s feature to {@code out}. */
  void addTo(OrderedFeatures out, int role) {
    out.add(hashIndex[2 * role], hashIndex[2 * role + 1], this, role);
  }

  @Override
  public String spell(int role) {
    return bases[baseOfRole[role]] + suffixes[role];
  }
}
