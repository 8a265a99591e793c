package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names the model read into wire wording, on sentences as Reuters-21578 and BBC News print them
 * (mentions typed as the model typed them there): a name broken over a wrapped line, a rating
 * grade, the start of a rate's name, a firm's founder's name, a bill before Parliament, a film the
 * model took for a person.
 */
class WireWordingTest {

  private static final EntityType P = EntityType.PERSON;
  private static final EntityType O = EntityType.ORGANIZATION;

  private static List<String> resolved(EntityResolver.Doc doc) {
    Map<String, List<Mention>> r = new EntityResolver(Registry.empty()).resolve(List.of(doc));
    return r.get(doc.id()).stream()
        .map(m -> m.text() + "=" + m.canonical() + "/" + m.type().jsonName())
        .toList();
  }

  @Test
  void anOfficeBrokenOverAWrappedLineStillCutsThePortfolioFromTheName() {
    String text =
        "The oil market will stay firm through the second half of the year\n"
            + "and demand is likely to rise into the third quarter, Indonesian Minister\n"
            + "of Mines and Energy Subroto told Reuters on the sidelines of a meeting\n"
            + "of Pacific energy ministers in the capital on Wednesday evening.\n"
            + "    Subroto said producers would hold to the agreed prices.\n";
    assertEquals(
        List.of("Subroto=Subroto/person", "Reuters=Reuters/organization", "Subroto=Subroto/person"),
        resolved(EntityResolverTest.story("a", text, "Energy Subroto", P, "Subroto", P)));
  }

  @Test
  void aMoodysGradeIsNoNameButTheAirportsCompanyIs() {
    String text =
        "Moody's affirmed Chrysler's Baa-1 senior debt. Separately, BAA said passenger numbers"
            + " rose at Heathrow.";
    assertEquals(
        List.of(
            "Moody's=Moody's/organization",
            "Chrysler=Chrysler/organization",
            "BAA=BAA/organization",
            "Heathrow=Heathrow/place"),
        resolved(
            EntityResolverTest.story(
                "a",
                text,
                "Moody's",
                O,
                "Chrysler",
                O,
                "Baa",
                O,
                "BAA",
                O,
                "Heathrow",
                EntityType.PLACE)));
  }

  @Test
  void theStartOfARatesNameIsNoBankExceptInATitleCasedHeadline() {
    String text =
        "Fed Raises Interest Rates\n"
            + "The notes pay 0.18 pct over six-month London Interbank Offered Rate, the Fed said.";
    assertEquals(
        List.of("Fed=Federal Reserve/organization", "Fed=Federal Reserve/organization"),
        resolved(EntityResolverTest.story("a", text, "Fed", O, "London Interbank", O, "Fed", O)));
  }

  @Test
  void aFoundersNameAloneIsTheStorysFirstFirmNamedAfterHim() {
    String text =
        "Merrill Lynch and Co Inc is offering notes, said sole manager Merrill Lynch Capital"
            + " Markets. Merrill will be the dealer.";
    assertEquals(
        List.of(
            "Merrill Lynch and Co Inc=Merrill Lynch and Co Inc/organization",
            "Merrill Lynch Capital Markets=Merrill Lynch Capital Markets/organization",
            "Merrill=Merrill Lynch and Co Inc/organization"),
        resolved(
            EntityResolverTest.story(
                "a",
                text,
                "Merrill Lynch and Co Inc",
                O,
                "Merrill Lynch Capital Markets",
                O,
                "Merrill",
                P)));
  }

  @Test
  void aBillBeforeParliamentIsNoOrganisation() {
    String text =
        "MPs voted for the terrorism law after Mr Clarke agreed changes. The Bill now faces peers"
            + " in the House of Lords.";
    assertEquals(
        List.of("Clarke=Clarke/person", "House of Lords=House of Lords/organization"),
        resolved(EntityResolverTest.story("a", text, "Clarke", P, "Bill", O, "House of Lords", O)));
  }

  @Test
  void aFilmOrABookIsNoPersonInTheStoryThatSaysWhatItIs() {
    String text =
        "Mike Leigh's award-winning abortion drama Vera Drake has scooped seven nominations."
            + " Vera Drake star Imelda Staunton has 5/1 odds of winning. Staunton played Drake.";
    assertEquals(
        List.of(
            "Mike Leigh=Mike Leigh/person",
            "Imelda Staunton=Imelda Staunton/person",
            "Staunton=Imelda Staunton/person"),
        resolved(
            EntityResolverTest.story(
                "a",
                text,
                "Mike Leigh",
                P,
                "Vera Drake",
                P,
                "Vera Drake",
                P,
                "Imelda Staunton",
                P,
                "Staunton",
                P,
                "Drake",
                P)));
  }

  @Test
  void aSeriesAfterTheIsAWorkButAFilmNamedAfterAPersonLeavesThePerson() {
    String potter =
        "Emma Watson, who plays Hermione in the Harry Potter films, said she was happy.";
    assertEquals(
        List.of("Emma Watson=Emma Watson/person", "Hermione=Hermione/person"),
        resolved(
            EntityResolverTest.story(
                "a", potter, "Emma Watson", P, "Hermione", P, "Harry Potter", P)));
    String ray =
        "The memory of soul legend Ray Charles dominated the night. Jamie Foxx won for his role in"
            + " Ray.";
    assertEquals(
        List.of("Ray Charles=Ray Charles/person", "Jamie Foxx=Jamie Foxx/person"),
        resolved(EntityResolverTest.story("b", ray, "Ray Charles", P, "Jamie Foxx", P, "Ray", P)));
  }

  @Test
  void anActorInBracketsAfterHisPartStaysAPerson() {
    String text =
        "The film tells of JM Barrie's relationship with Sylvia (Kate Winslet) and her children.";
    assertEquals(
        List.of(
            "JM Barrie=JM Barrie/person",
            "Sylvia=Sylvia/person",
            "Kate Winslet=Kate Winslet/person"),
        resolved(
            EntityResolverTest.story("a", text, "JM Barrie", P, "Sylvia", P, "Kate Winslet", P)));
  }
}
