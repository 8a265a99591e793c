package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dateline.StoryFixtures;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.CopyRule;
import org.dateline.enrich.story.Fingerprint;
import org.junit.jupiter.api.Test;

/** The synthetic archive with copies: deterministic, the rest unchanged, copies that join. */
class SyntheticArchiveCopiesTest {

  private static List<CorpusStories.Story> stories(String source, int n) {
    List<CorpusStories.Story> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> paragraphs = new ArrayList<>();
      for (String p : StoryFixtures.WIRE.split("\n\n")) {
        // Named by letters: stories that differ only in a number would be one template.
        paragraphs.add(
            source + " story " + (char) ('a' + i % 26) + (char) ('a' + i / 26) + ". " + p);
      }
      out.add(new CorpusStories.Story(source, source + " title " + i, paragraphs, Map.of()));
    }
    return out;
  }

  @Test
  void copiesAreOutletPrintsOfAnEarlierArticleAndTheOthersStayAsTheyWere() {
    SyntheticArchive plain = new SyntheticArchive(stories("reuters", 40), stories("bbc", 40), 7);
    SyntheticArchive copying =
        new SyntheticArchive(stories("reuters", 40), stories("bbc", 40), 7, 0.3);
    int copies = 0;
    int comparable = 0;
    int joined = 0;
    for (long i = 0; i < 2_000; i++) {
      Article a = copying.article(i, "archive.jsonl");
      assertEquals(a, copying.article(i, "archive.jsonl")); // deterministic
      long original = copying.originalOf(i);
      if (original == i) {
        assertEquals(plain.article(i, "archive.jsonl"), a);
        continue;
      }
      copies++;
      assertTrue(original < i, i + " copies " + original);
      assertEquals(original, copying.originalOf(original)); // a copy's original is no copy
      Article o = copying.article(original, "archive.jsonl");
      assertTrue(o.text().startsWith(a.text().split("\n\n")[0]));
      long hours =
          (a.date().instant().getEpochSecond() - o.date().instant().getEpochSecond()) / 3600;
      assertTrue(hours >= 1 && hours <= 48, "printed " + hours + " h later");
      Fingerprint fa = Fingerprint.of(a.title(), a.text());
      Fingerprint fo = Fingerprint.of(o.title(), o.text());
      if (fa.comparable() && fo.comparable()) {
        comparable++;
        joined += CopyRule.copies(fa, 0L, fo, 0L) != null ? 1 : 0;
      }
    }
    assertEquals(600, copies, 60); // about 30 % of 2,000
    // Most copies long enough to compare are copies by the rule (a deep cut or the added line
    // takes a short one below it).
    assertTrue(joined >= 0.8 * comparable, joined + " of " + comparable);
  }
}
