package org.dateline.alert;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The journal lines of each alert whose history is not read yet: where each line is, in journal
 * order. A restart notes them (one field read a line) and an alert's lines are parsed and applied
 * when the alert is first asked for, so opening many alerts does not rebuild every history (issue
 * 17: replaying the whole journal was most of a restart). Not thread-safe: {@link MatchBook} guards
 * it.
 */
final class UnreadLines implements Journal.Lines {

  /**
   * One alert's lines: byte starts and lengths, and for the head of a line of many alerts the
   * alert's event number there (-1: a line of its own), {@code n} of them.
   */
  static final class Spans {
    long[] starts = new long[4];
    int[] lengths = new int[4];
    long[] seqs = new long[4];
    int n;

    /** Whether the alert's log was read from these lines (lines noted since are its own, live). */
    boolean taken;

    private void add(long start, int length, long seq) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        lengths = Arrays.copyOf(lengths, n * 2);
        seqs = Arrays.copyOf(seqs, n * 2);
      }
      starts[n] = start;
      lengths[n] = length;
      seqs[n] = seq;
      n++;
    }
  }

  /**
   * Every alert's lines, read or not: the journal's checkpoint ({@link JournalCheckpoint}) is all
   * of them.
   */
  private final Map<String, Spans> byAlert = new HashMap<>();

  @Override
  public void line(String alert, long start, int length, long seq) {
    byAlert.computeIfAbsent(alert, k -> new Spans()).add(start, length, seq);
  }

  /**
   * Notes a line of {@code alert} just journaled, whose log is in memory and applied it (kept for
   * the checkpoint, never read).
   */
  void written(String alert, long start, int length, long seq) {
    Spans s = byAlert.get(alert);
    if (s == null) {
      s = new Spans();
      s.taken = true;
      byAlert.put(alert, s);
    }
    s.add(start, length, seq);
  }

  /** What is written by {@link #written}, as a journal's appends tell it. */
  Journal.Lines writtenLines() {
    return this::written;
  }

  /** Gives {@code alert} its lines back (they could not be read: asked again, read again). */
  void put(String alert, Spans lines) {
    lines.taken = false;
    byAlert.put(alert, lines);
  }

  /** The unread lines of {@code alert}, now taken as read (null: none, or taken before). */
  Spans take(String alert) {
    Spans s = byAlert.get(alert);
    if (s == null || s.taken) {
      return null;
    }
    s.taken = true;
    return s;
  }

  /** Every alert's lines, read or not (the checkpoint's contents). */
  Map<String, Spans> all() {
    return byAlert;
  }

  /** Forgets every line (a checkpoint read in part is not used). */
  void clear() {
    byAlert.clear();
  }

  /** Notes {@code n} lines of {@code alert} at once (a checkpoint's). */
  void put(String alert, long[] starts, int[] lengths, long[] seqs, int n) {
    Spans s = new Spans();
    s.starts = starts;
    s.lengths = lengths;
    s.seqs = seqs;
    s.n = n;
    byAlert.put(alert, s);
  }
}
