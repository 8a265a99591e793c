package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bodies every country has ("the Finance Ministry", "the Central Bank") shown with the country
 * their story names, on sentences as Reuters-21578 prints them (mentions typed as the model typed
 * them there).
 */
class NationalBodiesTest {

  private static final EntityType O = EntityType.ORGANIZATION;
  private static final EntityType L = EntityType.PLACE;

  private static final Gazetteer COUNTRIES =
      Gazetteer.of(
          Set.of("Tokyo"), Set.of("Japan", "Brazil", "Kuwait", "United States", "Germany"));

  private static List<String> resolved(EntityResolver.Doc... docs) {
    Map<String, List<Mention>> r =
        new EntityResolver(Registry.empty(), COUNTRIES).resolve(List.of(docs));
    return List.of(docs).stream()
        .flatMap(d -> r.get(d.id()).stream())
        .filter(m -> m.type() == O)
        .map(m -> m.text() + "=" + m.canonical())
        .toList();
  }

  @Test
  void japansMinistryAndBrazilsBankAreTheirCountrys() {
    EntityResolver.Doc japan =
        EntityResolverTest.story(
            "japan",
            "The Finance Ministry has clarified\nregulations governing fund management, satisfying"
                + " overseas\ncritics who charged the rules were too tightly-drawn, ministry\n"
                + "officials and Western diplomats said.\n    ... to employ only one fund manager"
                + " in Japan, with another on\n... is eligible to manage funds in Japan, the"
                + " ministry will take",
            "Finance Ministry",
            O,
            "Japan",
            L,
            "Japan",
            L);
    EntityResolver.Doc brazil =
        EntityResolverTest.story(
            "brazil",
            "Brazil has a foreign debt of 110.6\nbillion dlrs, according to the latest official"
                + " figures released\nby the Central Bank.\n    The Finance Ministry said the"
                + " registered debt rose.",
            "Brazil",
            L,
            "Central Bank",
            O,
            "Finance Ministry",
            O);
    assertEquals(
        List.of(
            "Finance Ministry=Finance Ministry (Japan)",
            "Central Bank=Central Bank (Brazil)",
            "Finance Ministry=Finance Ministry (Brazil)"),
        resolved(japan, brazil));
  }

  @Test
  void theUnitedStatesOwnsNoMinistryHoweverOftenItIsNamed() {
    // "JAPAN WARNS OF ANTI-U.S. SENTIMENT IN TRADE ROW": the U.S. named more often than Japan
    String text =
        "Japan is sending a three-man team to\nWashington to try to halt threatened trade sanctions"
            + " that\nofficials warn could spark a wave of anti-U.S. Sentiment here.\n    ... the"
            + " atmosphere in Japan against the United States would\nbecome not so good as"
            + " before.\"\n    Other officials were more blunt. \"The U.S. Action will have\na"
            + " significant impact\n    A senior Foreign Ministry official, who declined to be\n"
            + "identified, told reporters the U.S. Threats have undercut those";
    assertEquals(
        List.of("Foreign Ministry=Foreign Ministry (Japan)"),
        resolved(
            EntityResolverTest.story(
                "a",
                text,
                "Japan",
                L,
                "Washington",
                L,
                "U.S.",
                L,
                "Japan",
                L,
                "United States",
                L,
                "U.S.",
                L,
                "Foreign Ministry",
                O,
                "U.S.",
                L)));
  }

  @Test
  void aCountryJustBeforeTheBodyIsItsOwnerWhateverTheStoryNamesMost() {
    String text =
        "Kuwait's Central Bank said Kuwaiti dinar deposits rose, a move that Brazil, Brazil's"
            + " creditors and Brazil's banks welcomed.";
    assertEquals(
        List.of("Central Bank=Central Bank (Kuwait)"),
        resolved(
            EntityResolverTest.story(
                "a", text, "Kuwait", L, "Central Bank", O, "Brazil", L, "Brazil", L, "Brazil", L)));
  }

  @Test
  void aBodyWhoseStoryNamesNoCountryOrTwoAsOftenIsNoEntity() {
    EntityResolver.Doc none =
        EntityResolverTest.story(
            "none",
            "The cabinet has approved a Finance Ministry plan to raise the tax, officials in Tokyo"
                + " said.",
            "Finance Ministry",
            O,
            "Tokyo",
            L);
    EntityResolver.Doc two =
        EntityResolverTest.story(
            "two",
            "Japan and Brazil signed the pact, the Foreign Ministry said.",
            "Japan",
            L,
            "Brazil",
            L,
            "Foreign Ministry",
            O);
    assertEquals(List.of(), resolved(none, two));
  }

  @Test
  void onlyAPortfoliosMinistryOrACentralBankIsEveryCountrys() {
    assertTrue(NationalBodies.isGeneric("finance ministry"));
    assertTrue(NationalBodies.isGeneric("ministry of finance"));
    assertTrue(NationalBodies.isGeneric("central bank"));
    assertFalse(NationalBodies.isGeneric("ministry of international trade and industry"));
    assertFalse(NationalBodies.isGeneric("bank of japan"));
    assertFalse(NationalBodies.isGeneric("central bank and trust co"));
  }

  @Test
  void aCompassWordBeforeACountrysNameNamesACountry() {
    assertTrue(COUNTRIES.isCountry("west germany"));
    assertFalse(COUNTRIES.isCountry("west tokyo"));
    assertFalse(Gazetteer.shared().isCountry("north island"));
    assertTrue(Gazetteer.shared().isCountry("japan"));
    assertFalse(Gazetteer.shared().isCountry("tokyo"));
  }
}
