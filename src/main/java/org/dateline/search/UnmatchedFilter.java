package org.dateline.search;

import java.util.List;

/**
 * A filter value that no article carries, even folded for case and accents or read as another
 * spelling of a known name, with the archive's values spelt most like it. The filter still applies
 * (it matches nothing); this says so instead of a silent zero.
 */
public record UnmatchedFilter(String dimension, String value, List<String> closest) {}
