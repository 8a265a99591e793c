package org.dateline.alert;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private final Map<String, AlertLog> logs = new HashMap<>();
  private final UnreadLines unread = new UnreadLines();
  private final Clock clock;
  private Journal journal;

  private MatchBook(Clock clock) {
    this.clock = clock;
  }

  /** The book kept in {@code dir}; matches and outcomes are stamped with {@code clock}'s time. */
  static MatchBook open(Path dir, Clock clock) throws IOException {
    MatchBook book = new MatchBook(clock);
    book.journal = Journal.openLines(dir, book.unread);
    return book;
  }

  /**
   * The log of {@code alert}: read from its journal lines the first time it is asked for since the
   * opening (empty when it has none).
   */
  private AlertLog log(String alert) {
    AlertLog log = logs.get(alert);
    if (log != null) {
      return log;
    }
    log = new AlertLog();
    UnreadLines.Spans lines = unread.take(alert);
    if (lines != null) {
      try {
        for (JournalEntry e :
            journal.read(alert, lines.starts, lines.lengths, lines.seqs, lines.n)) {
          apply(log, e);
        }
      } catch (IOException e) {
        unread.put(alert, lines);
        throw new java.io.UncheckedIOException("the alerts' journal cannot be read", e);
      }
    }
    logs.put(alert, log);
    return log;
  }

  private static void apply(AlertLog log, JournalEntry e) {
    if (e.kind() == JournalEntry.Kind.MATCH) {
      log.apply(e);
    } else if (e.kind() == JournalEntry.Kind.DIGEST) {
      log.digest(e);
    } else {
      log.settle(e);
    }
  }

  /** An article an alert matched: what its event tells. */
  record Matched(
      String alert, String article, long story, String title, String outlet, String day) {}

  /**
   * Matches the articles of one file against every alert, journals the new matches and returns the
   * events they make, in order.
   */
  List<AlertEvent> record(
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
    List<Matched> matched = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      String day = a.date() == null ? null : a.date().localDay().toString();
      for (String alert : found.get(i)) {
        if (store.get(alert) != null) {
          matched.add(
              new Matched(alert, a.id(), stamps.get(i).story(), a.title(), a.outlet(), day));
        }
      }
    }
    return record(matched);
  }

  /** The new matches of one article in a call: its journal line's alerts, numbers and logs. */
  private static final class ArticleMatches {
    final Matched first;
    final List<String> alerts = new ArrayList<>();
    final List<AlertLog> logs = new ArrayList<>();
    long[] seqs = new long[8];

    ArticleMatches(Matched first) {
      this.first = first;
    }

    void add(String alert, AlertLog log, long seq) {
      if (alerts.size() == seqs.length) {
        seqs = java.util.Arrays.copyOf(seqs, seqs.length * 2);
      }
      seqs[alerts.size()] = seq;
      alerts.add(alert);
      logs.add(log);
    }

    JournalEntry line(Instant now) {
      Matched m = first;
      return alerts.size() == 1
          ? JournalEntry.match(
              alerts.get(0), seqs[0], m.article(), m.story(), m.title(), m.outlet(), m.day(), now)
          : JournalEntry.matches(
              List.copyOf(alerts),
              java.util.Arrays.copyOf(seqs, alerts.size()),
              m.article(),
              m.story(),
              m.title(),
              m.outlet(),
              m.day(),
              now);
    }
  }

  /**
   * Journals the matches not seen before and returns the events they make, in order: the new
   * matches of each article as one line (one entry a match made most of the hook's time when an
   * article matched hundreds of alerts, issue 17), all of a call's lines in one write, forced to
   * disk once, before any is applied or told.
   */
  synchronized List<AlertEvent> record(List<Matched> matched) throws IOException {
    Instant now = clock.instant();
    List<ArticleMatches> articles = new ArrayList<>();
    List<AlertLog> touched = new ArrayList<>();
    boolean journaled = false;
    try {
      ArticleMatches current = null;
      for (Matched m : matched) {
        if (current == null || !current.first.article().equals(m.article())) {
          current = new ArticleMatches(m);
          articles.add(current);
        }
        AlertLog log = log(m.alert());
        // the (alert, article) key taken now, in one lookup: seen before, or earlier in this call
        // (a seen test, a set of this call's keys and the apply's own test were three lookups per
        // match, issue 17's profile); given back below if the journal cannot be written
        if (!log.claim(m.article())) {
          continue;
        }
        if (log.pending++ == 0) {
          touched.add(log);
        }
        current.add(m.alert(), log, log.nextSeq() + log.pending - 1);
      }
      List<JournalEntry> lines = new ArrayList<>(articles.size());
      for (ArticleMatches a : articles) {
        if (!a.alerts.isEmpty()) {
          lines.add(a.line(now));
        }
      }
      journal.append(lines, unread.writtenLines());
      journaled = true;
    } finally {
      for (AlertLog log : touched) {
        log.pending = 0;
      }
      if (!journaled) {
        for (ArticleMatches a : articles) {
          for (AlertLog log : a.logs) {
            log.unclaim(a.first.article());
          }
        }
      }
    }
    List<AlertEvent> events = new ArrayList<>();
    for (ArticleMatches a : articles) {
      Matched m = a.first;
      for (int i = 0; i < a.alerts.size(); i++) {
        AlertEvent event =
            a.logs
                .get(i)
                .applyClaimed(
                    a.alerts.get(i),
                    a.seqs[i],
                    m.article(),
                    m.story(),
                    m.title(),
                    m.outlet(),
                    m.day(),
                    now);
        if (event != null) {
          events.add(event);
        }
      }
    }
    return events;
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
    List<Long> out = new ArrayList<>();
    AlertLog log = log(alert);
    for (AlertEvent e : log.after(afterSeq, digestsOnly)) {
      if (!log.settled(e.seq())) {
        out.add(e.seq());
      }
    }
    return out;
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
    apply(log, outcome);
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
