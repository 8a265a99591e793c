package org.dateline.enrich.entities;

/**
 * Something that added a feature to a clique by its hash and index and can spell it out when asked:
 * only needed when two features of one clique share a hash, to tell a repeat from a collision.
 */
interface FeatureSpelling {

  /** The feature string that {@code arg} stands for (e.g. a role or an n-gram's number). */
  String spell(int arg);
}
