package org.dateline.enrich.entities;

/**
 * The features one word shape gives in each role that depends on it alone, for {@link
 * RoleFeatures}. Base 0 is the shape as {@code CoreLabel.getString} reads it (none: ""), base 1 as
 * {@code CoreLabel.get} reads it and a {@code StringBuilder} spells it (none: "null"): the stock
 * templates use both. Thread-safe: constants.
 */
final class ShapeRoles {

  static final int TYPE = 0;
  static final int PTYPE = 1;
  static final int NTYPE = 2;
  static final int PSEQ_PS = 3;
  static final int PSEQ_CS = 4;
  static final int TPS2 = 5;
  static final int TNS1 = 6;

  private static final String[] SUFFIXES = {
    "-TYPE|C", "-PTYPE|C", "-NTYPE|C", "-PSEQpS|CpC", "-PSEQcS|CpC", "-TPS2|CpC", "-TNS1|CpC"
  };
  private static final byte[] BASES = {0, 0, 0, 0, 0, 0, 1};

  private ShapeRoles() {}

  /** The roles of {@code shape} (null: a token without one, as the padding). */
  static RoleFeatures of(String shape, FeatureTable table) {
    return new RoleFeatures(
        new String[] {shape == null ? "" : shape, String.valueOf(shape)}, BASES, SUFFIXES, table);
  }

  /** The shape as the templates read it with {@code getString}. */
  static String string(RoleFeatures shape) {
    return shape.base(0);
  }
}
