package org.dateline.bench;

/** One text of {@link SegmentationBench}: an id and the text. */
record SegmentedText(String id, String text) {}
