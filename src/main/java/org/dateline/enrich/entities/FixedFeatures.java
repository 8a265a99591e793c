package org.dateline.enrich.entities;

/**
 * The model's features that read no word: the class feature, the edge clique's bias and the
 * occurrence patterns, as roles of {@link RoleFeatures} over an empty base. Thread-safe: constants.
 */
final class FixedFeatures {

  static final int CLASS = 0;
  static final int NO_OCCURRENCE = 1;
  static final int XY_NEXT_XY = 2;
  static final int XY_NEXT_Y = 3;
  static final int XY_PREV_XY = 4;
  static final int XY_PREV_Y = 5;
  static final int X_NEXT_YX = 6;
  static final int X_NEXT_XY = 7;
  static final int X_NEXT_X = 8;
  static final int X_PREV_YX = 9;
  static final int X_PREV_XY = 10;
  static final int X_PREV_X = 11;
  static final int PSEQ = 12;

  private static final String[] FEATURES = {
    "###|C",
    "NO-OCCURRENCE-PATTERN|C",
    "XY-NEXT-OCCURRENCE-XY|C",
    "XY-NEXT-OCCURRENCE-Y|C",
    "XY-PREV-OCCURRENCE-XY|C",
    "XY-PREV-OCCURRENCE-Y|C",
    "X-NEXT-OCCURRENCE-YX|C",
    "X-NEXT-OCCURRENCE-XY|C",
    "X-NEXT-OCCURRENCE-X|C",
    "X-PREV-OCCURRENCE-YX|C",
    "X-PREV-OCCURRENCE-XY|C",
    "X-PREV-OCCURRENCE-X|C",
    "PSEQ|CpC"
  };

  private FixedFeatures() {}

  static RoleFeatures of(FeatureTable table) {
    return new RoleFeatures(new String[] {""}, new byte[FEATURES.length], FEATURES, table);
  }
}
