package org.dateline.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which outlet names could name a site's address: each way a host spells a name (the name whole,
 * its initials, its first words' initials before the rest), tried for many addresses at once.
 */
class OutletNamesTest {

  private static final List<String> VALUES =
      List.of(
          "Los Angeles Times",
          "New York Post",
          "NBC News",
          "Jornal de Notícias",
          "The Guardian",
          "nbcnews.com",
          "unknown",
          "Reuters");

  @Test
  void eachAddressFindsTheNamesItsLabelsSpell() {
    OutletNames.Candidates candidates = new OutletNames.Candidates(VALUES, "unknown");
    assertEquals(List.of("Los Angeles Times"), candidates.of("www.latimes.com"));
    assertEquals(List.of("New York Post"), candidates.of("nypost.com"));
    assertEquals(List.of("NBC News"), candidates.of("nbcnews.com"));
    assertEquals(List.of("Jornal de Notícias"), candidates.of("www.jn.pt"));
    assertEquals(List.of("The Guardian"), candidates.of("www.theguardian.com"), "the name whole");
    assertEquals(List.of("The Guardian"), candidates.of("guardian.co.uk"), "a label in the name");
    assertEquals(List.of(), candidates.of("news.example.org"), "generic labels spell nothing");
    assertEquals(List.of(), candidates.of("reuters"), "a bare word has no label but its last");
  }

  @Test
  void addressesAndTheSkippedValueAreNeverCandidates() {
    OutletNames.Candidates candidates = new OutletNames.Candidates(VALUES, "unknown");
    assertFalse(candidates.of("nbcnews.com").contains("nbcnews.com"));
    assertFalse(candidates.of("unknown.com").contains("unknown"));
    assertTrue(new OutletNames.Candidates(VALUES, "").of("unknown.com").contains("unknown"));
  }

  @Test
  void manyAddressesAgreeWithThePairByPairAnswer() {
    List<String> names = new ArrayList<>(VALUES);
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      names.add("Harbour" + i + " Daily");
      hosts.add("harbour" + i + ".com");
      hosts.add("hd" + i + ".net");
    }
    hosts.addAll(List.of("latimes.com", "nypost.com", "jn.pt", "nbcnews.com"));
    OutletNames.Candidates candidates = new OutletNames.Candidates(names, "unknown");
    int pairs = 0;
    for (String host : hosts) {
      List<String> expected = new ArrayList<>();
      for (String name : names) {
        if (!name.equals("unknown") && OutletNames.couldName(name, host)) {
          expected.add(name);
        }
      }
      assertEquals(expected, candidates.of(host), host);
      pairs += expected.size();
    }
    // harbour1.com is spelled by Harbour1 and Harbour10-19 Daily: a label inside a longer name
    assertEquals(
        List.of("Harbour1 Daily", "Harbour10 Daily", "Harbour11 Daily"),
        candidates.of("harbour1.com").subList(0, 3));
    assertTrue(pairs > 40, "pairs found: " + pairs);
  }
}
