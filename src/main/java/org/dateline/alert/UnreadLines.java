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

  private final Map<String, Spans> byAlert = new HashMap<>();

  @Override
  public void line(String alert, long start, int length, long seq) {
    byAlert.computeIfAbsent(alert, k -> new Spans()).add(start, length, seq);
  }

  /** Gives {@code alert} its lines back (they could not be read: asked again, read again). */
  void put(String alert, Spans lines) {
    byAlert.put(alert, lines);
  }

  /** The unread lines of {@code alert}, forgotten here (null: none). */
  Spans take(String alert) {
    return byAlert.remove(alert);
  }
}
