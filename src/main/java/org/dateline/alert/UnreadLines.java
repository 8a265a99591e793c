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
   * The lines journaled since the opening, each noted by its alert's number ({@link AlertNumbers})
   * in arrays shared by all alerts, an alert's lines chained from its last back: a match noted this
   * way touches one slot of {@link #lastLive}; by id, a map lookup, the alert's spans and their
   * three arrays were five cold objects a match with 100k alerts (issue 17's profile). Never read
   * back but by the checkpoint (an alert's log is in memory before its lines are journaled).
   */
  private long[] liveStarts = new long[1024];

  private int[] liveLengths = new int[1024];
  private long[] liveSeqs = new long[1024];
  private int[] livePrev = new int[1024]; // the alert's line before (index + 1; 0: none)
  private int live;
  private int[] lastLive = new int[1024]; // per alert number: its last line (index + 1; 0: none)
  private final AlertNumbers numbers;

  /** Lines whose alerts are numbered in {@code numbers}. */
  UnreadLines(AlertNumbers numbers) {
    this.numbers = numbers;
  }

  /** Lines with alerts numbered on their own. */
  UnreadLines() {
    this(new AlertNumbers());
  }

  /**
   * Notes a line of alert number {@code alert} just journaled, whose log is in memory and applied
   * it (kept for the checkpoint, never read).
   */
  void written(int alert, long start, int length, long seq) {
    int k = live++;
    if (k == liveStarts.length) {
      int size = k * 2;
      liveStarts = Arrays.copyOf(liveStarts, size);
      liveLengths = Arrays.copyOf(liveLengths, size);
      liveSeqs = Arrays.copyOf(liveSeqs, size);
      livePrev = Arrays.copyOf(livePrev, size);
    }
    if (alert >= lastLive.length) {
      lastLive = Arrays.copyOf(lastLive, Math.max(alert + 1, lastLive.length * 2));
    }
    liveStarts[k] = start;
    liveLengths[k] = length;
    liveSeqs[k] = seq;
    livePrev[k] = lastLive[alert];
    lastLive[alert] = k + 1;
  }

  /** Notes a line of {@code alert} just journaled ({@link #written(int, long, int, long)}). */
  void written(String alert, long start, int length, long seq) {
    written(numbers.of(alert), start, length, seq);
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

  /**
   * Every alert's lines, read or not, in journal order (the checkpoint's contents): those noted at
   * the opening, then those journaled since.
   */
  Map<String, Spans> all() {
    Map<String, Spans> out = new HashMap<>(byAlert);
    for (int alert = 0; alert < lastLive.length; alert++) {
      int n = 0;
      for (int k = lastLive[alert]; k != 0; k = livePrev[k - 1]) {
        n++;
      }
      if (n == 0) {
        continue;
      }
      String id = numbers.id(alert);
      Spans opened = byAlert.get(id);
      Spans s = new Spans();
      int from = opened == null ? 0 : opened.n;
      int size = from + n;
      s.starts = opened == null ? new long[size] : Arrays.copyOf(opened.starts, size);
      s.lengths = opened == null ? new int[size] : Arrays.copyOf(opened.lengths, size);
      s.seqs = opened == null ? new long[size] : Arrays.copyOf(opened.seqs, size);
      s.n = size;
      s.taken = true;
      int at = size;
      for (int k = lastLive[alert]; k != 0; k = livePrev[k - 1]) {
        at--;
        s.starts[at] = liveStarts[k - 1];
        s.lengths[at] = liveLengths[k - 1];
        s.seqs[at] = liveSeqs[k - 1];
      }
      out.put(id, s);
    }
    return out;
  }

  /** Forgets every line (a checkpoint read in part is not used). */
  void clear() {
    byAlert.clear();
    Arrays.fill(lastLive, 0);
    live = 0;
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
