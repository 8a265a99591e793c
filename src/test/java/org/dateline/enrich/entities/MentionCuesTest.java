package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Photo credits and place cues read next to a mention, on sentences of the seeds and of BBC News
 * (quoted from the stored texts).
 */
class MentionCuesTest {

  /** The mention of {@code name} (typed person: the cues do not look at the type). */
  private static Mention at(String text, String name) {
    int i = text.indexOf(name);
    return new Mention(name, EntityType.PERSON, i, i + name.length(), null);
  }

  /** Seed 004 (the Guardian): a caption line ending in a labelled credit, then the story. */
  private static final String GUARDIAN =
      "Families flee the village of Baghuz before an offensive on the last Isis-held area in"
          + " Syria. Photograph: Chris McGrath/Getty Images\nUS-backed and Kurdish-led Syrian"
          + " forces have launched a final push";

  /** Seed 003 (Middle East Monitor): a caption whose credit is bracketed and in capitals. */
  private static final String MONITOR =
      "and French ambassador to Iraq Bruno Aubert, at a French artillery forward operating base"
          + " (FOB) near al-Qaim in Iraq’s western Anbar province opposite Syria’s Deir Ezzor"
          + " region, a few kilometres away from the last scrap of territory held by Daesh, on 9"
          + " February 2019. [DAPHNE BENOIT/AFP/Getty Images]";

  @Test
  void aLabelledCreditIsNoEntityButTheCaptionsPlacesAre() {
    assertTrue(MentionCues.isCredit(GUARDIAN, at(GUARDIAN, "Chris McGrath")));
    assertTrue(MentionCues.isCredit(GUARDIAN, at(GUARDIAN, "Getty Images")));
    assertFalse(MentionCues.isCredit(GUARDIAN, at(GUARDIAN, "Syria")));
    assertFalse(MentionCues.isCredit(GUARDIAN, at(GUARDIAN, "Baghuz")));
    assertFalse(MentionCues.isCredit(GUARDIAN, at(GUARDIAN, "Syrian")));
  }

  @Test
  void aBracketedSlashJoinedCreditIsNoEntity() {
    for (String credit : List.of("DAPHNE BENOIT", "AFP", "Getty Images")) {
      assertTrue(MentionCues.isCredit(MONITOR, at(MONITOR, credit)), credit);
    }
    for (String named : List.of("Bruno Aubert", "Iraq", "Anbar", "Deir Ezzor", "Daesh")) {
      assertFalse(MentionCues.isCredit(MONITOR, at(MONITOR, named)), named);
    }
  }

  @Test
  void slashJoinedNamesInProseAreNamesStill() {
    // BBC News tech: an analysts' firm, then prose goes on
    String bbc =
        "up from 38% a year ago, according to market analysts Nielsen/NetRatings. The total"
            + " number of people online";
    assertFalse(MentionCues.isCredit(bbc, at(bbc, "Nielsen")));
    assertFalse(MentionCues.isCredit(bbc, at(bbc, "NetRatings")));
    String business =
        "over 70 aircraft, a move which brings the Ryanair/Boeing order book up to 225 firm"
            + " orders.";
    assertFalse(MentionCues.isCredit(business, at(business, "Ryanair")));
    assertFalse(MentionCues.isCredit(business, at(business, "Boeing")));
  }

  @Test
  void theProvinceOfOrARegionAfterMakesAPlace() {
    String seed000 =
        "have left the area in the eastern province of Deir Ezzor since Sunday. The DeirEzzor 24,"
            + " an activist collective";
    assertTrue(MentionCues.isPlaceByContext(seed000, at(seed000, "Deir Ezzor")));
    assertTrue(MentionCues.isPlaceByContext(MONITOR, at(MONITOR, "Deir Ezzor")));
    assertTrue(MentionCues.isPlaceByContext(MONITOR, at(MONITOR, "Anbar")));
    assertTrue(MentionCues.isPlaceByContext(GUARDIAN, at(GUARDIAN, "Baghuz")));
    assertFalse(MentionCues.isPlaceByContext(MONITOR, at(MONITOR, "Bruno Aubert")));
    assertFalse(MentionCues.isPlaceByContext(MONITOR, at(MONITOR, "Daesh")));
    // "Secretary of State": a capitalised office, not a place noun
    String politics = "Foreign Secretary Jack Straw and the Secretary of State for Wales";
    assertFalse(MentionCues.isPlaceByContext(politics, at(politics, "Wales")));
  }

  @Test
  void aDatelinesNameInCapitalsIsAPlace() {
    // seed 000 (the Middle East Monitor's wire copy): the dateline the model took for a person
    String seed000 =
        " date 2019-01-28 Scores of civilians, fighters depart Daesh stronghold in Syria\n\nSOUSA:"
            + " Syrian opposition activists said on Monday scores of civilians and fighters have"
            + " evacuated";
    assertTrue(MentionCues.isPlaceByContext(seed000, at(seed000, "SOUSA")));
    String reuters = "Talks resume\n  BEIRUT, Feb 3 - Lebanon's talks resumed.";
    assertTrue(MentionCues.isPlaceByContext(reuters, at(reuters, "BEIRUT")));
    String agency = "GENEVA (AFP) - Talks resumed on Monday in the city.";
    assertTrue(MentionCues.isPlaceByContext(agency, at(agency, "GENEVA")));
    // a headline in capitals, a name in capitals mid-line, a name not in capitals: no dateline
    String headline = "OBAMA, CLINTON CLASH OVER IRAQ\nThe two candidates argued.";
    assertFalse(MentionCues.isPlaceByContext(headline, at(headline, "OBAMA")));
    String midLine = "Syrian forces said on Monday that SOUSA: was taken by the army again today.";
    assertFalse(MentionCues.isPlaceByContext(midLine, at(midLine, "SOUSA")));
    String prose = "Blair: I have said many times that the war was right and that I stand by it.";
    assertFalse(MentionCues.isPlaceByContext(prose, at(prose, "Blair")));
  }

  @Test
  void aLegalFormOrAClubsStaffAfterANameMakeAnOrganisation() {
    // Reuters-21578 and BBC News sport
    String reuters = "J.P. Morgan and Co Inc said Peter F";
    assertTrue(MentionCues.isOrganisationByContext(reuters, at(reuters, "J.P. Morgan")));
    String crucible = "Morgan Crucible Co Plc <MGCR.L> said";
    assertTrue(MentionCues.isOrganisationByContext(crucible, at(crucible, "Morgan Crucible")));
    String sport = "climax which gave Mourinho his first silverware as Chelsea manager. Yet it was";
    assertTrue(MentionCues.isOrganisationByContext(sport, at(sport, "Chelsea")));
    assertFalse(MentionCues.isOrganisationByContext(sport, at(sport, "Mourinho")));
    String striker = "Drogba, Chelsea's £24m striker, has missed";
    assertFalse(MentionCues.isOrganisationByContext(striker, at(striker, "Drogba")));
    String hutton = "s board meets next week, E.F. Hutton analyst Fred Meinke";
    assertTrue(MentionCues.isOrganisationByContext(hutton, at(hutton, "E.F. Hutton")));
    String brown = "said it has engaged Alex. Brown and Sons Inc <ABSB> to";
    assertTrue(MentionCues.isOrganisationByContext(brown, at(brown, "Alex. Brown")));
    String politics = "Mr Blair and Gordon Brown said the Chancellor";
    assertFalse(MentionCues.isOrganisationByContext(politics, at(politics, "Gordon Brown")));
  }

  @Test
  void aBandIsAnOrganisationWhateverTheModelThought() {
    // BBC News entertainment: the band the model took for a person
    String band = "Scottish rock band Franz Ferdinand, who shot to prominence in 2004, have won";
    assertTrue(MentionCues.isOrganisationByContext(band, at(band, "Franz Ferdinand")));
    // a plural verb after a name of several words is no cue: lists end so
    String plural = "Spike Lee, Burt Reynolds and Oscar nominee Alan Alda have paid tribute";
    assertFalse(MentionCues.isOrganisationByContext(plural, at(plural, "Alan Alda")));
    String staff = "Franz man seeks help. Franz Ferdinand frontman Alex Kapranos has called for";
    assertTrue(MentionCues.isOrganisationByContext(staff, at(staff, "Franz Ferdinand")));
    assertFalse(MentionCues.isOrganisationByContext(staff, at(staff, "Alex Kapranos")));
    // people: a list before the plural verb, a singer's own name, a person after "group's"
    String listed = "Tony Blair and Gordon Brown have denied a rift";
    assertFalse(MentionCues.isOrganisationByContext(listed, at(listed, "Gordon Brown")));
    String singer = "soul singer Ray Charles has died";
    assertFalse(MentionCues.isOrganisationByContext(singer, at(singer, "Ray Charles")));
    String chief = "the group's chairman Richard Branson said";
    assertFalse(MentionCues.isOrganisationByContext(chief, at(chief, "Richard Branson")));
  }
}
