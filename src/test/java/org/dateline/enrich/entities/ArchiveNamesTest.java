package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The archive-wide rules for persons and places, on small stories written for these tests: a name
 * written alone joins the one full name of its outlet's archive, a first name alone that no one
 * claims and a surname several people of the outlet share are dropped, credit lines name no one,
 * and the place gazetteer breaks split type votes.
 */
class ArchiveNamesTest {

  private static final EntityType P = EntityType.PERSON;
  private static final EntityType O = EntityType.ORGANIZATION;
  private static final EntityType L = EntityType.PLACE;

  /** A story of {@code outlet} whose mentions are the given names, each typed, where written. */
  private static EntityResolver.Doc story(
      String id, String outlet, String text, Object... nameAndType) {
    EntityResolver.Doc d = EntityResolverTest.story(id, text, nameAndType);
    return new EntityResolver.Doc(d.id(), d.text(), d.recognised(), outlet);
  }

  private static List<String> rendered(Resolution r, EntityResolver.Doc doc) {
    return r.mentions(doc).stream()
        .map(m -> m.text() + "=" + m.canonical() + "/" + m.type().jsonName())
        .toList();
  }

  private static Resolution resolve(Gazetteer gazetteer, EntityResolver.Doc... docs) {
    return new EntityResolver(Registry.empty(), gazetteer)
        .resolve(ResolverMemory.empty(), List.of(docs));
  }

  @Test
  void aSurnameAloneJoinsTheOneFullNameOfItsOutletsArchive() {
    EntityResolver.Doc full =
        story("a", "BBC", "Gordon Brown met Tony Blair.", "Gordon Brown", P, "Tony Blair", P);
    EntityResolver.Doc again = story("b", "BBC", "Gordon Brown spoke.", "Gordon Brown", P);
    EntityResolver.Doc alone =
        story("c", "BBC", "Mr Brown said Blair agreed.", "Mr Brown", P, "Blair", P);
    EntityResolver.Doc elsewhere = story("d", "Wire", "Brown said no.", "Brown", P);
    Resolution r = resolve(Gazetteer.of(Set.of()), full, again, alone, elsewhere);
    assertEquals(
        List.of("Mr Brown=Gordon Brown/person", "Blair=Tony Blair/person"), rendered(r, alone));
    // another outlet's archive has no Brown written in full: the name stays as written
    assertEquals(List.of("Brown=Brown/person"), rendered(r, elsewhere));
  }

  @Test
  void aSurnameOfTwoPeopleOfOneOutletIsNoOne() {
    EntityResolver.Doc a =
        story("a", "BBC", "Gordon Brown and Wes Brown.", "Gordon Brown", P, "Wes Brown", P);
    EntityResolver.Doc b = story("b", "BBC", "Brown scored.", "Brown", P);
    // neither is most of the outlet's Browns: a facet value "Brown" would count both as one
    assertEquals(List.of(), rendered(resolve(Gazetteer.of(Set.of()), a, b), b));
    // another outlet, whose archive writes no Brown in full, keeps the name as written
    EntityResolver.Doc c = story("c", "Wire", "Brown scored.", "Brown", P);
    assertEquals(
        List.of("Brown=Brown/person"), rendered(resolve(Gazetteer.of(Set.of()), a, b, c), c));
  }

  @Test
  void aNameEndingOnePersonsLongerNameIsThatPerson() {
    EntityResolver.Doc a =
        story("a", "Wire", "Fernando Santos Alvite spoke.", "Fernando Santos Alvite", P);
    EntityResolver.Doc b = story("b", "Wire", "Santos Alvite said.", "Santos Alvite", P);
    EntityResolver.Doc again = story("d", "Wire", "Santos Alvite left.", "Santos Alvite", P);
    // named by the fuller name, though the shorter one was written more often
    assertEquals(
        List.of("Santos Alvite=Fernando Santos Alvite/person"),
        rendered(resolve(Gazetteer.of(Set.of()), a, b, again), b));
    // a full name that a title lengthens keeps its own name ("Jose" begins other full names)
    EntityResolver.Doc titled =
        story("t", "Wire", "Prersident Jose Sarney spoke.", "Prersident Jose Sarney", P);
    EntityResolver.Doc plain = story("u", "Wire", "Jose Sarney said.", "Jose Sarney", P);
    EntityResolver.Doc other =
        story("v", "Wire", "Jose Sarney and Jose Lopez.", "Jose Sarney", P, "Jose Lopez", P);
    assertEquals(
        List.of("Prersident Jose Sarney=Jose Sarney/person"),
        rendered(resolve(Gazetteer.of(Set.of()), titled, plain, other), titled));
    // two people whose longer names end the same way: the shorter name stays apart
    EntityResolver.Doc c =
        story("c", "Wire", "Maria Santos Alvite spoke.", "Maria Santos Alvite", P);
    assertEquals(
        List.of("Santos Alvite=Santos Alvite/person"),
        rendered(resolve(Gazetteer.of(Set.of()), a, b, c), b));
  }

  @Test
  void aCompanysNameIsNoPersonsSurname() {
    // "E.F. Hutton" typed a person here, but the archive writes E.F. Hutton Group Inc: a company
    EntityResolver.Doc a =
        story("a", "Wire", "E.F. Hutton Group Inc said.", "E.F. Hutton Group Inc", O);
    EntityResolver.Doc b = story("b", "Wire", "E.F. Hutton said.", "E.F. Hutton", P);
    EntityResolver.Doc c =
        story("c", "Wire", "John Henry of E.F. Hutton said.", "John Henry of E.F. Hutton", P);
    Resolution r = resolve(Gazetteer.of(Set.of()), a, b, c);
    assertEquals(List.of("E.F. Hutton=E.F. Hutton Group Inc/organization"), rendered(r, b));
    assertEquals(
        List.of("John Henry of E.F. Hutton=John Henry of E.F. Hutton/person"), rendered(r, c));
  }

  @Test
  void mrBrownInAStoryIsTheStorysBrown() {
    EntityResolver.Doc a =
        story("a", null, "Gordon Brown spoke. Mr Brown said.", "Gordon Brown", P, "Mr Brown", P);
    assertEquals(
        List.of("Gordon Brown=Gordon Brown/person", "Mr Brown=Gordon Brown/person"),
        rendered(resolve(Gazetteer.of(Set.of()), a), a));
  }

  @Test
  void aFirstNameAloneThatNoOneClaimsIsDropped() {
    EntityResolver.Doc a =
        story("a", "Wire", "John Major met John Smith.", "John Major", P, "John Smith", P);
    EntityResolver.Doc b = story("b", "Wire", "John said. Major agreed.", "John", P, "Major", P);
    // "Major" is a last name: joined; "John" is a first name of two people: no entity
    assertEquals(
        List.of("Major=John Major/person"), rendered(resolve(Gazetteer.of(Set.of()), a, b), b));
  }

  @Test
  void aFirstNameOfOnePersonInTheOutletJoinsThem() {
    EntityResolver.Doc a =
        story("a", "Wire", "Clayton Yeutter met Brock.", "Clayton Yeutter", P, "Brock", P);
    EntityResolver.Doc b = story("b", "Wire", "Clayton said.", "Clayton", P);
    assertEquals(
        List.of("Clayton=Clayton Yeutter/person"),
        rendered(resolve(Gazetteer.of(Set.of()), a, b), b));
  }

  @Test
  void namesOnTrailingCreditLinesAreNoOne() {
    EntityResolver.Doc a =
        story(
            "a",
            "Wire",
            "Wheat rose, Reuter said, in Chicago.\n(Reporting by Jane Doe)\nReuter",
            "Reuter",
            O,
            "Chicago",
            L,
            "Jane Doe",
            P,
            "Reuter",
            P);
    assertEquals(
        List.of("Reuter=Reuters/organization", "Chicago=Chicago/place"),
        rendered(resolve(Gazetteer.of(Set.of()), a), a));
  }

  @Test
  void theGazetteerBreaksASplitVoteButNeverOverrulesAClearOne() {
    Gazetteer towns = Gazetteer.of(Set.of("Hajin", "Clayton"));
    EntityResolver.Doc split =
        story(
            "a",
            null,
            "Hajin fell. Hajin burned. Hajin was taken.",
            "Hajin",
            P,
            "Hajin",
            P,
            "Hajin",
            L);
    assertEquals("place", rendered(resolve(towns, split), split).get(0).split("/")[1]);
    assertEquals(
        "person", rendered(resolve(Gazetteer.of(Set.of()), split), split).get(0).split("/")[1]);
    EntityResolver.Doc clear =
        story(
            "b",
            null,
            "Clayton said. Clayton left. Clayton won. Clayton in Clayton.",
            "Clayton",
            P,
            "Clayton",
            P,
            "Clayton",
            P,
            "Clayton",
            P,
            "Clayton",
            L);
    assertEquals("person", rendered(resolve(towns, clear), clear).get(0).split("/")[1]);
  }

  @Test
  void theShippedGazetteerKnowsCountriesAndCities() {
    Gazetteer shipped = Gazetteer.shared();
    assertTrue(shipped.size() > 40_000, "places: " + shipped.size());
    assertTrue(shipped.isPlace(NameKey.of("Syria")));
    assertTrue(shipped.isPlace(NameKey.of("Damascus")));
    assertFalse(shipped.isPlace(NameKey.of("Donnerstag")));
  }
}
