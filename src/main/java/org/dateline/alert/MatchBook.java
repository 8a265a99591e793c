package org.dateline.alert;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;
import org.dateline.index.StoryStamp;

/**
 * What every alert has matched: the journal and, rebuilt from it, each alert's {@link AlertLog}. A
 * match is journaled (forced to disk) before it is applied and told, so nothing told is ever lost,
 * and a match seen again (its key: alert, article) is dropped, so nothing is told twice.
 * Thread-safe: one lock over the logs and the journal's order.
 */
final class MatchBook implements Closeable {

  /** A webhook's body, as Standard Webhooks lays it out: type, timestamp, data. */
  record Payload(String type, String timestamp, AlertEvent data) {}

  private final AlertNumbers numbers;
  private final MatchLedger ledger = new MatchLedger();
  private AlertLog[] logs = new AlertLog[1024];
  private final UnreadLines unread;
  private final Clock clock;
  private Journal journal;

  private MatchBook(Clock clock, AlertNumbers numbers) {
    this.clock = clock;
    this.numbers = numbers;
    this.unread = new UnreadLines(numbers);
  }

  /** The book kept in {@code dir}; matches and outcomes are stamped with {@code clock}'s time. */
  static MatchBook open(Path dir, Clock clock) throws IOException {
    return open(dir, clock, new AlertNumbers());
  }

  /** {@link #open(Path, Clock)}, its logs indexed by the alerts' {@code numbers}. */
  static MatchBook open(Path dir, Clock clock, AlertNumbers numbers) throws IOException {
    MatchBook book = new MatchBook(clock, numbers);
    book.journal = Journal.openLines(dir, book.unread);
    return book;
  }

  private AlertLog log(String alert) {
    return log(numbers.of(alert));
  }

  /**
   * The log of alert number {@code n}: read from its journal lines the first time it is asked for
   * since the opening (empty when it has none).
   */
  private AlertLog log(int n) {
    if (n < logs.length && logs[n] != null) {
      return logs[n];
    }
    String alert = numbers.id(n);
    AlertLog log = new AlertLog(alert, ledger);
    UnreadLines.Spans lines = unread.take(alert);
    if (lines != null) {
      try {
        for (JournalEntry e :
            journal.read(alert, lines.starts, lines.lengths, lines.seqs, lines.n)) {
          apply(n, log, e);
        }
      } catch (IOException e) {
        unread.put(alert, lines);
        throw new java.io.UncheckedIOException("the alerts' journal cannot be read", e);
      }
    }
    if (n >= logs.length) {
      logs = java.util.Arrays.copyOf(logs, Math.max(n + 1, logs.length * 2));
    }
    logs[n] = log;
    return log;
  }

  /** Applies a journal line of alert number {@code n} read back. */
  private void apply(int n, AlertLog log, JournalEntry e) {
    if (e.kind() == JournalEntry.Kind.MATCH) {
      if (ledger.claim(n, ledger.articleKey(e.article()))) {
        int copy = ledger.copy(e.article(), e.story(), e.title(), e.outlet(), e.date(), e.time());
        ledger.apply(log, n, copy, e.seq());
      }
    } else if (e.kind() == JournalEntry.Kind.DIGEST) {
      log.digest(e);
    } else {
      log.settle(e);
    }
  }

  /** An article an alert matched: what its event tells. */
  record Matched(
      String alert, String article, long story, String title, String outlet, String day) {}

  /** An article of a call and the numbers of the alerts it matched. */
  private record ArticleFound(
      String article,
      long story,
      String title,
      String outlet,
      String day,
      int[] alerts,
      int count) {}

  /**
   * The new matches of a call, in order, as alert numbers and event numbers: an event is made
   * ({@link #event}) only when someone is told of it.
   */
  static final class Recorded {
    private int[] alerts;
    private long[] seqs;
    private int size;

    Recorded() {
      this(64);
    }

    /** Room for {@code expected} matches (a call's are counted before they are recorded). */
    Recorded(int expected) {
      alerts = new int[Math.max(1, expected)];
      seqs = new long[alerts.length];
    }

    void add(int alert, long seq) {
      if (size == alerts.length) {
        alerts = java.util.Arrays.copyOf(alerts, size * 2);
        seqs = java.util.Arrays.copyOf(seqs, size * 2);
      }
      alerts[size] = alert;
      seqs[size++] = seq;
    }

    int size() {
      return size;
    }

    int alert(int i) {
      return alerts[i];
    }

    long seq(int i) {
      return seqs[i];
    }
  }

  /** The alerts' numbers this book's logs are indexed by. */
  AlertNumbers numbers() {
    return numbers;
  }

  /**
   * Matches the articles of one file against every alert, journals the new matches and returns
   * them, in order. Only saved alerts' matches count.
   */
  Recorded record(
      SourceFile source,
      List<Article> articles,
      List<StoryStamp> stamps,
      AlertMatcher matcher,
      AlertStore store)
      throws IOException {
    List<Document> docs = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      docs.add(Schema.toDocument(articles.get(i), source, stamps.get(i)));
    }
    List<Set<String>> found = matcher.match(docs);
    boolean flagged = store.numbers() == numbers;
    List<ArticleFound> matched = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      String day = a.date() == null ? null : a.date().localDay().toString();
      Set<String> ids = found.get(i);
      int[] alerts = new int[ids.size()];
      int count = 0;
      if (ids instanceof MatchedIds m && m.names() == numbers && flagged) {
        for (int j = 0; j < m.size(); j++) {
          int n = m.number(j);
          if ((numbers.flags(n) & AlertNumbers.SAVED) != 0) {
            alerts[count++] = n;
          }
        }
      } else {
        for (String id : ids) {
          if (store.get(id) != null) {
            alerts[count++] = numbers.of(id);
          }
        }
      }
      matched.add(
          new ArticleFound(
              a.id(), stamps.get(i).story(), a.title(), a.outlet(), day, alerts, count));
    }
    return journal(matched);
  }

  /**
   * Journals the matches not seen before and returns the events they make, in order (backfill: each
   * article's matches together).
   */
  List<AlertEvent> record(List<Matched> matched) throws IOException {
    List<ArticleFound> found = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= matched.size(); i++) {
      if (i == matched.size() || !matched.get(i).article().equals(matched.get(from).article())) {
        Matched m = matched.get(from);
        int[] alerts = new int[i - from];
        for (int j = from; j < i; j++) {
          alerts[j - from] = numbers.of(matched.get(j).alert());
        }
        found.add(
            new ArticleFound(
                m.article(), m.story(), m.title(), m.outlet(), m.day(), alerts, alerts.length));
        from = i;
      }
    }
    return events(journal(found));
  }

  /** The {@code i}th event of {@code recorded}, made now. */
  synchronized AlertEvent event(Recorded recorded, int i) {
    return log(recorded.alert(i)).event(recorded.seq(i));
  }

  /** The events of {@code recorded}, made now, in order. */
  synchronized List<AlertEvent> events(Recorded recorded) {
    List<AlertEvent> out = new ArrayList<>(recorded.size());
    for (int i = 0; i < recorded.size(); i++) {
      out.add(log(recorded.alert(i)).event(recorded.seq(i)));
    }
    return out;
  }

  /**
   * Journals the matches not seen before and returns them, in order: the new matches of each
   * article as one line (one entry a match made most of the hook's time when an article matched
   * hundreds of alerts, issue 17), all of a call's lines in one write, forced to disk once, before
   * any is applied or told.
   */
  private synchronized Recorded journal(List<ArticleFound> found) throws IOException {
    Instant now = clock.instant();
    List<JournalEntry> lines = new ArrayList<>(found.size());
    int[] lineArticle = new int[found.size()]; // the article of each line
    int[] keys = new int[found.size()];
    // per article: its new matches' alert numbers and seqs, in the order journaled
    int[][] newAlerts = new int[found.size()][];
    long[][] newSeqs = new long[found.size()][];
    int[] newCount = new int[found.size()];
    int total = 0; // the call's new matches
    boolean journaled = false;
    try {
      for (int a = 0; a < found.size(); a++) {
        ArticleFound f = found.get(a);
        int key = ledger.articleKey(f.article());
        keys[a] = key;
        int[] alerts = new int[f.count()];
        long[] seqs = new long[f.count()];
        newAlerts[a] = alerts;
        newSeqs[a] = seqs;
        int k = 0;
        for (int j = 0; j < f.count(); j++) {
          int n = f.alerts()[j];
          AlertLog log = log(n);
          // the (alert, article) key taken now, in one probe; given back below if the journal
          // cannot be written
          if (!ledger.claim(n, key)) {
            continue;
          }
          log.pending++;
          alerts[k] = n;
          seqs[k++] = log.nextSeq() + log.pending - 1;
          newCount[a] = k;
          total++;
        }
        if (k > 0) {
          lineArticle[lines.size()] = a;
        }
        if (k == 1) {
          lines.add(
              JournalEntry.match(
                  numbers.id(alerts[0]),
                  seqs[0],
                  f.article(),
                  f.story(),
                  f.title(),
                  f.outlet(),
                  f.day(),
                  now));
        } else if (k > 1) {
          lines.add(
              JournalEntry.matches(
                  new AlertNumbers.Listed(numbers, alerts, k), // ids written from the numbers
                  k == seqs.length ? seqs : java.util.Arrays.copyOf(seqs, k),
                  f.article(),
                  f.story(),
                  f.title(),
                  f.outlet(),
                  f.day(),
                  now));
        }
      }
      journal.append(
          lines,
          new Journal.Lines() {
            @Override
            public void line(String alert, long start, int length, long seq) {
              unread.written(alert, start, length, seq);
            }

            @Override
            public void appended(
                JournalEntry e, int line, int i, long start, int length, long seq) {
              // the line's alerts by number, as this call journaled them: no lookup by id
              unread.written(newAlerts[lineArticle[line]][Math.max(0, i)], start, length, seq);
            }
          });
      journaled = true;
    } finally {
      for (int a = 0; a < found.size(); a++) {
        for (int j = 0; j < newCount[a]; j++) {
          logs[newAlerts[a][j]].pending = 0;
        }
      }
      if (!journaled) {
        for (int a = 0; a < found.size(); a++) {
          for (int j = 0; j < newCount[a]; j++) {
            ledger.unclaim(newAlerts[a][j], keys[a]);
          }
        }
      }
    }
    Recorded out = new Recorded(total);
    for (int a = 0; a < found.size(); a++) {
      if (newCount[a] == 0) {
        continue;
      }
      ArticleFound f = found.get(a);
      int copy = ledger.copy(f.article(), f.story(), f.title(), f.outlet(), f.day(), now);
      for (int j = 0; j < newCount[a]; j++) {
        int n = newAlerts[a][j];
        ledger.apply(logs[n], n, copy, newSeqs[a][j]);
        out.add(n, newSeqs[a][j]);
      }
    }
    return out;
  }

  /** The number of the alert's last event (0: none). */
  synchronized long lastSeq(String alert) {
    return log(alert).nextSeq() - 1;
  }

  synchronized List<AlertEvent> after(String alert, long afterSeq, boolean digestsOnly) {
    return log(alert).after(afterSeq, digestsOnly);
  }

  synchronized List<AlertEvent> digests(String alert, int max) {
    return log(alert).digests(max);
  }

  /**
   * Makes the digests of {@code alert} (in digest mode) for its periods that are over by now and
   * whose matches no digest has told: journaled, then applied; returns their events, in order.
   */
  synchronized List<AlertEvent> digest(Alert alert) throws IOException {
    if (alert.digest() == null) {
      return List.of();
    }
    AlertLog log = log(alert.id());
    List<JournalEntry> entries = new ArrayList<>();
    long seq = log.nextSeq();
    for (Instant start : log.duePeriods(alert.digest(), clock.instant())) {
      entries.add(JournalEntry.digest(alert.id(), seq++, start, alert.digest().end(start)));
    }
    journal.append(entries, unread.writtenLines());
    List<AlertEvent> made = new ArrayList<>(entries.size());
    for (JournalEntry e : entries) {
      made.add(log.digest(e));
    }
    return made;
  }

  synchronized AlertEvent event(String alert, long seq) {
    return log(alert).event(seq);
  }

  synchronized List<AlertEvent> latestByStory(String alert, int max) {
    return log(alert).latestByStory(max);
  }

  /**
   * The alert's events after {@code afterSeq} (with {@code digestsOnly}, its digests) whose webhook
   * is neither delivered nor given up.
   */
  synchronized List<Long> unsettled(String alert, long afterSeq, boolean digestsOnly) {
    return log(alert).unsettled(afterSeq, digestsOnly);
  }

  synchronized AlertStatus status(Alert a) {
    AlertLog log = log(a.id());
    return new AlertStatus(
        a.id(),
        a.name(),
        a.query(),
        a.filters(),
        a.from(),
        a.to(),
        a.created(),
        a.backfillDays(),
        log.eventCount(),
        log.storyCount(),
        a.webhook() == null ? null : log.webhookStatus(a.webhook(), a.digest() != null),
        log.latestByStory(Alerts.LAST_MATCHES),
        a.digest());
  }

  /** Where the webhooks find their messages and record how each fared. */
  Webhooks.Outcomes outcomes(AlertStore store) {
    return new Webhooks.Outcomes() {
      @Override
      public Webhooks.Message message(String alert, long seq) throws IOException {
        Alert a = store.get(alert);
        AlertEvent e = event(alert, seq);
        if (a == null || a.webhook() == null || e == null) {
          return null;
        }
        Payload body = new Payload("alert." + e.kind(), e.time().toString(), e);
        return new Webhooks.Message(
            a.webhook().url(),
            a.webhook().secret(),
            "msg_" + alert + "_" + seq,
            AlertJson.MAPPER.writeValueAsBytes(body));
      }

      @Override
      public void delivered(String alert, long seq) throws IOException {
        settle(JournalEntry.delivered(alert, seq, clock.instant()));
      }

      @Override
      public void failed(String alert, long seq, String error, boolean gaveUp) throws IOException {
        if (gaveUp) {
          settle(JournalEntry.gaveUp(alert, seq, clock.instant(), error));
        } else {
          synchronized (MatchBook.this) {
            log(alert).failed(error, clock.instant());
          }
        }
      }
    };
  }

  private synchronized void settle(JournalEntry outcome) throws IOException {
    AlertLog log = log(outcome.alert()); // read before the line is added to its lines
    journal.append(List.of(outcome), unread.writtenLines());
    log.settle(outcome);
  }

  /** How many of the journal's bytes its checkpoint covered at the opening (0: none used). */
  long fromCheckpoint() {
    return journal.fromCheckpoint();
  }

  /**
   * Closes the journal, its checkpoint written first (a restart then reads only what comes after
   * it); a checkpoint that cannot be written is left out (the next opening reads more).
   */
  @Override
  public synchronized void close() throws IOException {
    try {
      journal.checkpoint(unread);
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(MatchBook.class)
          .warn("the alerts' journal checkpoint is not written: {}", e.toString());
    } finally {
      journal.close();
    }
  }
}
