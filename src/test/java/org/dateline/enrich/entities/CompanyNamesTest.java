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

  @Test
  void aNameWithAndWithoutItsLegalFormIsOneCompany() {
    EntityResolver.Doc first =
        EntityResolverTest.story(
            "a",
            "General Motors Corp said car sales fell. E.F. Hutton Group Inc was adviser. Chrysler"
                + " Corp rose.",
            "General Motors Corp",
            O,
            "E.F. Hutton Group Inc",
            O,
            "Chrysler Corp",
            O);
    EntityResolver.Doc later =
        EntityResolverTest.story(
            "b",
            "Sales at General Motors rose, Chrysler fell, E.F. Hutton analyst Smith said.",
            "General Motors",
            O,
            "Chrysler",
            O,
            "E.F. Hutton",
            P,
            "Smith",
            P);
    EntityResolver.Doc again =
        EntityResolverTest.story("c", "E.F. Hutton said on Monday it expects", "E.F. Hutton", P);
    // the most frequent spelling names the entity (a tie: the longer)
    assertEquals(
        List.of(
            "General Motors Corp=General Motors Corp/organization",
            "E.F. Hutton Group Inc=E.F. Hutton/organization",
            "Chrysler Corp=Chrysler Corp/organization",
            "General Motors=General Motors Corp/organization",
            "Chrysler=Chrysler Corp/organization",
            "E.F. Hutton=E.F. Hutton/organization",
            "Smith=Smith/person",
            "E.F. Hutton=E.F. Hutton/organization"),
        resolved(first, later, again));
  }

  @Test
  void legalFormsOfOtherCountriesJoinTheNameWithout() {
    EntityResolver.Doc first =
        EntityResolverTest.story(
            "a",
            "Sime Darby Bhd and AB Volvo talked. Volvo AB and Graan Elevator Mij agreed.",
            "Sime Darby Bhd",
            O,
            "Volvo AB",
            O,
            "Graan Elevator Mij",
            P);
    EntityResolver.Doc later =
        EntityResolverTest.story(
            "b", "Sime Darby rose and Volvo fell.", "Sime Darby", O, "Volvo", O);
    assertEquals(
        List.of(
            "Sime Darby Bhd=Sime Darby Bhd/organization",
            "Volvo AB=Volvo AB/organization",
            "Graan Elevator Mij=Graan Elevator Mij/organization",
            "Sime Darby=Sime Darby Bhd/organization",
            "Volvo=Volvo AB/organization"),
        resolved(first, later));
  }

  @Test
  void aSurnameOrAPlaceIsNoCompanyThatCarriesItsWordAndALegalFormIsNoName() {
    EntityResolver.Doc a =
        EntityResolverTest.story(
            "a",
            "Dart Group Corp raised its offer. Boston Co Inc gained. In Boston, Co Inc rose.",
            "Dart Group Corp",
            O,
            "Boston Co Inc",
            O,
            "Boston",
            EntityType.PLACE,
            "Co Inc",
            O);
    EntityResolver.Doc b = EntityResolverTest.story("b", "Dart said he would stay.", "Dart", P);
    assertEquals(
        List.of(
            "Dart Group Corp=Dart Group Corp/organization",
            "Boston Co Inc=Boston Co Inc/organization",
            "Boston=Boston/place",
            "Dart=Dart/person"),
        resolved(a, b));
  }

  @Test
  void aGovernmentBodyInEitherWordOrderIsOneBodyButACouncilIsNot() {
    EntityResolver.Doc a =
        EntityResolverTest.story(
            "a",
            "The U.S. Department of Agriculture said. The Ministry of Finance said. The Council of"
                + " State ruled. The Department of the Interior said. Prices fell in Japan.",
            "U.S. Department of Agriculture",
            O,
            "Ministry of Finance",
            O,
            "Council of State",
            O,
            "Department of the Interior",
            O,
            "Japan",
            EntityType.PLACE);
    EntityResolver.Doc b =
        EntityResolverTest.story(
            "b",
            "The U.S. Agriculture Department said. The Finance Ministry said. The State Council met."
                + " The Interior Department said. The Agriculture Ministry said. Prices fell in Japan.",
            "U.S. Agriculture Department",
            O,
            "Finance Ministry",
            O,
            "State Council",
            O,
            "Interior Department",
            O,
            "Agriculture Ministry",
            O,
            "Japan",
            EntityType.PLACE);
    assertEquals(
        List.of(
            "U.S. Department of Agriculture=U.S. Department of Agriculture/organization",
            "Ministry of Finance=Ministry of Finance (Japan)/organization",
            "Council of State=Council of State/organization",
            "Department of the Interior=Department of the Interior/organization",
            "Japan=Japan/place",
            "U.S. Agriculture Department=U.S. Department of Agriculture/organization",
            "Finance Ministry=Ministry of Finance (Japan)/organization",
            "State Council=State Council/organization",
            "Interior Department=Department of the Interior/organization",
            "Agriculture Ministry=Agriculture Ministry (Japan)/organization",
            "Japan=Japan/place"),
        resolved(a, b));
  }

  @Test
  void anAcronymJoinsALegalFormOnlyWhereItsStorySpellsItOut() {
    EntityResolver.Doc reuters =
        EntityResolverTest.story(
            "a",
            "BBC Brown Boveri und Cie AG said profits rose. BBC said it would pay more.",
            "BBC Brown Boveri und Cie AG",
            O,
            "BBC",
            O);
    EntityResolver.Doc swiss =
        EntityResolverTest.story("b", "BBC AG shares rose in Zurich.", "BBC AG", O);
    EntityResolver.Doc broadcaster =
        EntityResolverTest.story(
            "c",
            "The BBC has said there are no plans. The BBC said. BBC One showed it.",
            "BBC",
            O,
            "BBC",
            O,
            "BBC",
            O);
    // an acronym named about as often with its legal form as without is that company
    EntityResolver.Doc cbs =
        EntityResolverTest.story("d", "CBS Inc said it sold a unit. CBS said.", "CBS Inc", O);
    EntityResolver.Doc cbsLater = EntityResolverTest.story("e", "CBS said on Monday.", "CBS", O);
    assertEquals(
        List.of(
            "BBC Brown Boveri und Cie AG=BBC Brown Boveri und Cie AG/organization",
            "BBC=BBC Brown Boveri und Cie AG/organization",
            "BBC AG=BBC AG/organization",
            "BBC=BBC/organization",
            "BBC=BBC/organization",
            "BBC=BBC/organization",
            "CBS Inc=CBS Inc/organization",
            "CBS=CBS Inc/organization"),
        resolved(reuters, swiss, broadcaster, cbs, cbsLater));
  }

  @Test
  void aBodyNounAloneIsTheStorysOneBodyOrNoName() {
    EntityResolver.Doc one =
        EntityResolverTest.story(
            "a",
            "The African Development Bank plans to raise 200 mln dlrs. The Bank planned more.",
            "African Development Bank",
            O,
            "Bank",
            O);
    EntityResolver.Doc two =
        EntityResolverTest.story(
            "b",
            "The Islamic Development Bank and the World Bank met. The Bank said it would lend.",
            "Islamic Development Bank",
            O,
            "World Bank",
            O,
            "Bank",
            O);
    EntityResolver.Doc office =
        EntityResolverTest.story(
            "c", "Secretary of State George Shultz said.", "State", O, "George Shultz", P);
    assertEquals(
        List.of(
            "African Development Bank=African Development Bank/organization",
            "Bank=African Development Bank/organization",
            "Islamic Development Bank=Islamic Development Bank/organization",
            "World Bank=World Bank/organization",
            "George Shultz=George Shultz/person"),
        resolved(one, two, office));
  }
}
