package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Companies and clubs the model took for people, on sentences of Reuters-21578 and BBC News sport
 * (mentions typed as the model typed them there).
 */
class CompanyNamesTest {

  private static final EntityType P = EntityType.PERSON;
  private static final EntityType O = EntityType.ORGANIZATION;

  private static List<String> resolved(EntityResolver.Doc... docs) {
    Map<String, List<Mention>> r = new EntityResolver(Registry.empty()).resolve(List.of(docs));
    return r.values().stream()
        .flatMap(List::stream)
        .map(m -> m.text() + "=" + m.canonical() + "/" + m.type().jsonName())
        .toList();
  }

  @Test
  void aWordOfTheStorysOneCompanyIsThatCompany() {
    EntityResolver.Doc reuters =
        EntityResolverTest.story(
            "a",
            "Ford Motor Co has increased its U.S. car incentives. Ford said buyers of all 1986"
                + " and 1987 Taurus cars",
            "Ford Motor Co",
            O,
            "U.S.",
            EntityType.PLACE,
            "Ford",
            P);
    assertEquals(
        List.of(
            "Ford Motor Co=Ford Motor Co/organization",
            "U.S.=United States/place",
            "Ford=Ford Motor Co/organization"),
        resolved(reuters));
  }

  @Test
  void aLegalFormAfterANameMakesItACompanyInTheWholeStory() {
    EntityResolver.Doc reuters =
        EntityResolverTest.story(
            "a",
            "E.F. Hutton and Co Inc said it was named. Hutton said the fee was not disclosed.",
            "E.F. Hutton",
            P,
            "Hutton",
            P);
    assertEquals(
        List.of("E.F. Hutton=E.F. Hutton/organization", "Hutton=E.F. Hutton/organization"),
        resolved(reuters));
  }

  @Test
  void aClubThatHaveIsNoPersonInItsStory() {
    EntityResolver.Doc bbc =
        EntityResolverTest.story(
            "a",
            "Chelsea have yet to officially confirm or deny the move. Mourinho said Chelsea would"
                + " wait.",
            "Chelsea",
            P,
            "Mourinho",
            P,
            "Chelsea",
            P);
    assertEquals(
        List.of(
            "Chelsea=Chelsea/organization",
            "Mourinho=Mourinho/person",
            "Chelsea=Chelsea/organization"),
        resolved(bbc));
    // two people coordinated take a plural verb: no cue
    EntityResolver.Doc politics =
        EntityResolverTest.story(
            "b", "Blair and Brown are said to be at odds.", "Blair", P, "Brown", P);
    assertEquals(List.of("Blair=Blair/person", "Brown=Brown/person"), resolved(politics));
  }
}
