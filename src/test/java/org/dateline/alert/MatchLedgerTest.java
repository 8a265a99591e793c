package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The book's compact ledger tells what the per-alert maps it replaced told: 20,000 random matches
 * of 1,500 alerts (stories shared by several articles, outlets repeated, blank and missing) against
 * a plain model written here (a set of articles, a map of story notes and a list of events per
 * alert); enough to grow every open-addressing table several times. The events told, every alert's
 * history, and the history after a reopening (the journal replayed) are the model's.
 */
class MatchLedgerTest {

  @TempDir Path tmp;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC);

  /** One alert's matches as the old per-alert maps kept them. */
  private static final class Model {
    final Set<String> articles = new HashSet<>();
    final Map<Long, String[]> first = new HashMap<>(); // story -> first article, title, date
    final Map<Long, List<String>> outlets = new HashMap<>();
    final Map<Long, Integer> copies = new HashMap<>();
    final List<AlertEvent> events = new ArrayList<>();

    AlertEvent apply(String alert, MatchBook.Matched m, Instant time) {
      if (!articles.add(m.article())) {
        return null;
      }
      boolean isNew = !first.containsKey(m.story());
      first.putIfAbsent(m.story(), new String[] {m.article(), m.title(), m.day()});
      List<String> o = outlets.computeIfAbsent(m.story(), k -> new ArrayList<>());
      if (m.outlet() != null && !m.outlet().isBlank() && !o.contains(m.outlet())) {
        o.add(m.outlet());
      }
      int c = copies.merge(m.story(), 1, Integer::sum);
      int others = Math.max(0, o.size() - 1);
      String[] f = first.get(m.story());
      AlertEvent e =
          new AlertEvent(
              alert,
              events.size() + 1,
              isNew ? AlertEvent.STORY : AlertEvent.UPDATE,
              StoryStamp.format(m.story()),
              m.article(),
              f[0],
              f[1],
              f[2],
              List.copyOf(o),
              c,
              others == 0 ? "" : "+" + others + (others == 1 ? " outlet" : " outlets"),
              time,
              null,
              null);
      events.add(e);
      return e;
    }
  }

  @Test
  void randomMatchesTellWhatPerAlertMapsTold() throws Exception {
    Random random = new Random(17);
    String[] outlets = {"Reuters", "AP", "AFP", "", null, "BBC"};
    Map<String, Model> models = new HashMap<>();
    int alertCount = 1_500;
    try (MatchBook book = MatchBook.open(tmp, CLOCK)) {
      int article = 0;
      for (int call = 0; call < 200; call++) {
        List<MatchBook.Matched> matched = new ArrayList<>();
        List<AlertEvent> expected = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
          // a new article, or (one in five) one seen in an earlier call again
          String id =
              random.nextInt(5) == 0 && article > 0
                  ? "x" + random.nextInt(article)
                  : "x" + article++;
          long story = Math.abs(id.hashCode() % 300) + 1;
          String outlet = outlets[random.nextInt(outlets.length)];
          for (int k = 0; k < 20; k++) {
            String alert = "al" + random.nextInt(alertCount);
            MatchBook.Matched m =
                new MatchBook.Matched(
                    alert, id, story, "T " + id, outlet, "2026-12-0" + (story % 9 + 1));
            matched.add(m);
            AlertEvent e =
                models.computeIfAbsent(alert, x -> new Model()).apply(alert, m, CLOCK.instant());
            if (e != null) {
              expected.add(e);
            }
          }
        }
        assertEquals(expected, book.record(matched), "call " + call);
      }
      for (Map.Entry<String, Model> e : models.entrySet()) {
        assertEquals(e.getValue().events, book.after(e.getKey(), 0, false), e.getKey());
      }
    }
    try (MatchBook again = MatchBook.open(tmp, CLOCK)) {
      for (Map.Entry<String, Model> e : models.entrySet()) {
        assertEquals(e.getValue().events, again.after(e.getKey(), 0, false), e.getKey());
        assertEquals(
            (long) e.getValue().first.size(),
            again.status(alert(e.getKey())).stories(),
            e.getKey());
      }
    }
  }

  private static Alert alert(String id) {
    return new Alert(id, "k", id, "q", null, null, null, null, 0, CLOCK.instant(), null);
  }

  @Test
  void aKeyGivenBackCanBeTakenAgainAndOthersStayTaken() {
    MatchLedger ledger = new MatchLedger();
    for (int alert = 0; alert < 5_000; alert++) {
      assertTrue(ledger.claim(alert, alert % 7));
    }
    ledger.unclaim(42, 0);
    ledger.unclaim(43, 1);
    assertTrue(ledger.claim(42, 0), "given back");
    assertFalse(ledger.claim(43 + 7, 1), "never given back");
    assertFalse(ledger.claim(42, 0), "taken again");
    for (int alert = 0; alert < 5_000; alert++) {
      assertEquals(alert == 43, ledger.claim(alert, alert % 7), "alert " + alert);
    }
  }
}
