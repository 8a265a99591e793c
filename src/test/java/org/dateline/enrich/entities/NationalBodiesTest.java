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
          Set.of("Tokyo"),
          Set.of(
              "Japan",
              "Brazil",
              "Kuwait",
              "United States",
              "Germany",
              "Argentina",
              "Tanzania",
              "Korea",
              "South Korea"));

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

  /** {@link EntityResolverTest#story} with the title the story was filed under. */
  private static EntityResolver.Doc titled(String title, String id, String text, Object... names) {
    EntityResolver.Doc d = EntityResolverTest.story(id, text, names);
    return new EntityResolver.Doc(d.id(), d.text(), d.recognised(), null, title);
  }

  @Test
  void theOneCountryATitleNamesOwnsTheBodyTheTextLeavesOpen() {
    // Reuters-21578, filed in Tokyo: the text names Argentina once and Japan never
    EntityResolver.Doc feed =
        titled(
            "JAPAN 1986/87 COMPOUND FEED OUTPUT UP 2.3 PCT",
            "feed",
            "Japanese compound feed output rose 2.3 pct\nto 25.80 mln tonnes in 1986/87 ended March"
                + " 31 from 25.23 mln a\nyear earlier, the Agriculture Ministry said.\n    ... Higher"
                + " import prices due\nto poor harvests last year in major producing nations such"
                + " as\nArgentina made feed makers reluctant to use sorghum.",
            "Agriculture Ministry",
            O,
            "Argentina",
            L);
    // filed in Tokyo, no country in the text: the title's capitals take the archive's "Japan"
    EntityResolver.Doc yen =
        titled(
            "JAPAN SETS ASIDE YEN FUNDS TO PREVENT DLR FALL",
            "yen",
            "The 50-day provisional 1987/88 budget,\nadopted today by the government, allows the"
                + " Finance Ministry to\nissue up to 14,600 billion yen worth of foreign exchange"
                + " fund\nfinancing bills, government sources said.",
            "Finance Ministry",
            O);
    EntityResolver.Doc elsewhere =
        EntityResolverTest.story("elsewhere", "Exports from Japan rose.", "Japan", L);
    assertEquals(
        List.of(
            "Agriculture Ministry=Agriculture Ministry (Japan)",
            "Finance Ministry=Finance Ministry (Japan)"),
        resolved(feed, yen, elsewhere));
  }

  @Test
  void aTitleOfTwoCountriesOrOfAnInitialLeavesTheTextToSay() {
    // "WEST GERMANY, TANZANIA": two countries, so the text's most-named (Tanzania, twice)
    EntityResolver.Doc debt =
        titled(
            "WEST GERMANY, TANZANIA AGREE DEBT RESCHEDULING",
            "debt",
            "West Germany and Tanzania have signed an\nagreement on rescheduling 145 mln marks worth"
                + " of commercial\ncredits, the Finance Ministry said.\n    Tanzania will now have"
                + " until April 1, 1997 to pay back the\ncredits",
            "West Germany",
            L,
            "Tanzania",
            L,
            "Finance Ministry",
            O,
            "Tanzania",
            L);
    // "S. KOREA": "korea" after an initial is not read as a country of its own
    EntityResolver.Doc mergers =
        titled(
            "S. KOREA ORDERS MERGERS OF TROUBLED COMPANIES",
            "mergers",
            "South Korea ordered the takeover of six\nfinancially troubled overseas construction"
                + " firms and two\nshipping companies under the government's industrial\n"
                + "realignment programme, Finance Ministry officials said.",
            "South Korea",
            L,
            "Finance Ministry",
            O);
    EntityResolver.Doc korea =
        EntityResolverTest.story("korea", "Korea and Brazil", "Korea", L, "Brazil", L);
    assertEquals(
        List.of(
            "Finance Ministry=Finance Ministry (Tanzania)",
            "Finance Ministry=Finance Ministry (South Korea)"),
        resolved(debt, mergers, korea));
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
