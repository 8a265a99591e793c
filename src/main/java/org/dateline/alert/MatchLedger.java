package org.dateline.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dateline.index.StoryStamp;

/**
 * Every alert's matches laid out in primitive arrays, shared by all alerts and indexed by alert
 * number ({@link AlertNumbers}): which (alert, article) keys are taken (one open-addressing set of
 * longs), the story each (alert, story) pair is told as (one open-addressing table, a note number
 * each), each note's first copy, copies and outlets, and each match event (its article, note, and
 * the note's copies and outlets as they were). An event is made into an {@link AlertEvent} only
 * when read. With 100k alerts and ~2,000 matches an article, the per-alert maps, sets and event
 * objects this replaces were 4-5 cold objects touched a match (issue 17's profile); a match now
 * touches a slot of the key set, a slot of the story table and its alert's {@link AlertLog}. Not
 * thread-safe: {@link MatchBook} guards it.
 */
final class MatchLedger {

  // one article as matched in one call (or replayed from one journal line): a "copy"
  private String[] copyArticle = new String[1024];
  private String[] copyTitle = new String[1024];
  private String[] copyDate = new String[1024];
  private long[] copyStory = new long[1024];
  private Instant[] copyTime = new Instant[1024];
  private int[] copyOutlet = new int[1024];
  private int copies;

  private final Map<String, Integer> articleKeys = new HashMap<>();
  private final Map<String, Integer> outletNumbers = new HashMap<>();
  private final List<String> outletNames = new ArrayList<>();

  /** Taken (alert, article) keys: {@code alert << 32 | article key}; -1 empty, -2 given back. */
  private long[] keys = filled(1 << 12, -1L);

  private int keysUsed;

  /**
   * (alert, story) -> note, open addressing, a slot's two longs side by side (one cache line a
   * probe, not three arrays' lines: issue 17's profile put a tenth of the hook on these misses): at
   * {@code 2 i} the story, at {@code 2 i + 1} {@code alert << 32 | note + 1} (0: empty).
   */
  private long[] pairSlots = new long[2 << 12];

  private int pairs;

  /**
   * Notes, the story as one alert has seen it, {@link #NOTE} ints each side by side: the first
   * copy, the copies, how many outlets, the first outlet's number.
   */
  private int[] notes = new int[NOTE * 1024];

  private static final int NOTE = 4;
  private static final int FIRST = 0;
  private static final int COPIES = 1;
  private static final int OUTLETS = 2;
  private static final int OUTLET0 = 3;
  private final Map<Integer, int[]> noteMoreOutlets = new HashMap<>(); // the others (rare)

  // match events
  private int[] eventCopy = new int[1024];
  private int[] eventNote = new int[1024];
  private int[] eventCopies = new int[1024];
  private int[] eventOutlets = new int[1024];
  private int events;

  /** Records one article as matched at {@code time}; returns its copy number. */
  int copy(String article, long story, String title, String outlet, String date, Instant time) {
    int c = copies++;
    if (c == copyArticle.length) {
      int size = c * 2;
      copyArticle = Arrays.copyOf(copyArticle, size);
      copyTitle = Arrays.copyOf(copyTitle, size);
      copyDate = Arrays.copyOf(copyDate, size);
      copyStory = Arrays.copyOf(copyStory, size);
      copyTime = Arrays.copyOf(copyTime, size);
      copyOutlet = Arrays.copyOf(copyOutlet, size);
    }
    copyArticle[c] = article;
    copyTitle[c] = title;
    copyDate[c] = date;
    copyStory[c] = story;
    copyTime[c] = time;
    copyOutlet[c] = outlet == null || outlet.isBlank() ? -1 : outletNumber(outlet);
    return c;
  }

  private int outletNumber(String outlet) {
    Integer n = outletNumbers.get(outlet);
    if (n == null) {
      n = outletNames.size();
      outletNames.add(outlet);
      outletNumbers.put(outlet, n);
    }
    return n;
  }

  /** The key number of article {@code id} (the same for every copy of that id). */
  int articleKey(String id) {
    Integer k = articleKeys.get(id);
    if (k == null) {
      k = articleKeys.size();
      articleKeys.put(id, k);
    }
    return k;
  }

  /** Takes the (alert, article) key: false when taken already. */
  boolean claim(int alert, int articleKey) {
    long key = (long) alert << 32 | articleKey;
    if ((keysUsed + 1) * 4L > keys.length * 3L) {
      rehashKeys();
    }
    int mask = keys.length - 1;
    int free = -1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return false;
      }
      if (k == -2 && free < 0) {
        free = i;
      }
      if (k == -1) {
        if (free < 0) {
          free = i;
          keysUsed++;
        }
        keys[free] = key;
        return true;
      }
    }
  }

  /** Gives back a key {@link #claim} took (a match that could not be journaled). */
  void unclaim(int alert, int articleKey) {
    long key = (long) alert << 32 | articleKey;
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; keys[i] != -1; i = (i + 1) & mask) {
      if (keys[i] == key) {
        keys[i] = -2;
        return;
      }
    }
  }

  private void rehashKeys() {
    long[] old = keys;
    keys = filled(old.length * 2, -1L);
    keysUsed = 0;
    int mask = keys.length - 1;
    for (long k : old) {
      if (k >= 0) {
        int i = mix(k) & mask;
        while (keys[i] != -1) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        keysUsed++;
      }
    }
  }

  /**
   * Applies the match of alert {@code alert} on copy {@code copy} (its key claimed) to {@code log}
   * as its next event: the story's note made or updated.
   */
  void apply(AlertLog log, int alert, int copy, long seq) {
    long story = copyStory[copy];
    if ((pairs + 1) * 4L > (pairSlots.length >> 1) * 3L) {
      rehashPairs();
    }
    int mask = (pairSlots.length >> 1) - 1;
    int i = mix(story * 31 + alert) & mask;
    int note;
    while (true) {
      long tail = pairSlots[2 * i + 1];
      if (tail == 0) {
        note = newNote(copy);
        pairSlots[2 * i] = story;
        pairSlots[2 * i + 1] = (long) alert << 32 | (note + 1L);
        pairs++;
        log.newStory();
        break;
      }
      if (pairSlots[2 * i] == story && (int) (tail >>> 32) == alert) {
        note = (int) tail - 1;
        break;
      }
      i = (i + 1) & mask;
    }
    addOutlet(note, copyOutlet[copy]);
    int copiesNow = ++notes[NOTE * note + COPIES];
    int e = events++;
    if (e == eventCopy.length) {
      int size = e * 2;
      eventCopy = Arrays.copyOf(eventCopy, size);
      eventNote = Arrays.copyOf(eventNote, size);
      eventCopies = Arrays.copyOf(eventCopies, size);
      eventOutlets = Arrays.copyOf(eventOutlets, size);
    }
    eventCopy[e] = copy;
    eventNote[e] = note;
    eventCopies[e] = copiesNow;
    eventOutlets[e] = notes[NOTE * note + OUTLETS];
    log.added(e, seq);
  }

  private int newNote(int copy) {
    int n = pairs;
    if (NOTE * n == notes.length) {
      notes = Arrays.copyOf(notes, notes.length * 2);
    }
    notes[NOTE * n + FIRST] = copy;
    notes[NOTE * n + COPIES] = 0;
    notes[NOTE * n + OUTLETS] = 0;
    return n;
  }

  private void addOutlet(int note, int outlet) {
    if (outlet < 0) {
      return;
    }
    int have = notes[NOTE * note + OUTLETS];
    if (have == 0) {
      notes[NOTE * note + OUTLET0] = outlet;
      notes[NOTE * note + OUTLETS] = 1;
      return;
    }
    if (notes[NOTE * note + OUTLET0] == outlet) {
      return;
    }
    int[] more = noteMoreOutlets.get(note);
    if (more != null) {
      for (int i = 0; i < have - 1; i++) {
        if (more[i] == outlet) {
          return;
        }
      }
    }
    more = more == null ? new int[2] : more.length < have ? Arrays.copyOf(more, have * 2) : more;
    more[have - 1] = outlet;
    noteMoreOutlets.put(note, more);
    notes[NOTE * note + OUTLETS] = have + 1;
  }

  private void rehashPairs() {
    long[] old = pairSlots;
    pairSlots = new long[old.length * 2];
    int mask = (pairSlots.length >> 1) - 1;
    for (int j = 0; j < old.length; j += 2) {
      long tail = old[j + 1];
      if (tail != 0) {
        int i = mix(old[j] * 31 + (int) (tail >>> 32)) & mask;
        while (pairSlots[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        pairSlots[2 * i] = old[j];
        pairSlots[2 * i + 1] = tail;
      }
    }
  }

  /** The time of match event {@code e}. */
  Instant time(int e) {
    return copyTime[eventCopy[e]];
  }

  /** Match event {@code e} of alert {@code alert}, numbered {@code seq}, as it is told. */
  AlertEvent event(String alert, long seq, int e) {
    int c = eventCopy[e];
    int note = eventNote[e];
    int first = notes[NOTE * note + FIRST];
    int copiesThen = eventCopies[e];
    int outletsThen = eventOutlets[e];
    List<String> outlets;
    if (outletsThen == 0) {
      outlets = List.of();
    } else {
      String[] names = new String[outletsThen];
      names[0] = outletNames.get(notes[NOTE * note + OUTLET0]);
      int[] more = noteMoreOutlets.get(note);
      for (int i = 1; i < outletsThen; i++) {
        names[i] = outletNames.get(more[i - 1]);
      }
      outlets = List.of(names);
    }
    int others = Math.max(0, outletsThen - 1);
    return new AlertEvent(
        alert,
        seq,
        copiesThen == 1 ? AlertEvent.STORY : AlertEvent.UPDATE,
        StoryStamp.format(copyStory[c]),
        copyArticle[c],
        copyArticle[first],
        copyTitle[first],
        copyDate[first],
        outlets,
        copiesThen,
        others == 0 ? "" : "+" + others + (others == 1 ? " outlet" : " outlets"),
        copyTime[c],
        null,
        null);
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private static long[] filled(int size, long value) {
    long[] a = new long[size];
    Arrays.fill(a, value);
    return a;
  }
}
