package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dateline.TestIndexes;
import org.dateline.search.facet.FacetValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five seeds through real Tika, the real recogniser and the archive-wide resolution: one entity
 * per person, organisation and place whatever its spelling in each outlet.
 */
class SeedsEntitiesTest {

  @TempDir static Path dir;
  static SearchService search;
  static Map<String, Map<String, Long>> facets;

  @BeforeAll
  static void indexSeeds() throws IOException {
    TestIndexes.indexWithEntities(dir, TestIndexes.SEEDS);
    search = SearchService.readOnly(dir);
    SearchResponse all =
        search.search(
            new SearchRequest(
                "",
                Map.of(),
                null,
                null,
                SortOrder.RELEVANCE,
                1,
                10,
                null,
                0,
                SearchRequest.MAX_FACET_SIZE));
    facets =
        all.facets().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().stream()
                            .collect(Collectors.toMap(FacetValue::value, FacetValue::count))));
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  /** The facet values of {@code dim} whose name contains {@code part}, with their counts. */
  private static Map<String, Long> matching(String dim, String part) {
    return facets.get(dim).entrySet().stream()
        .filter(e -> e.getKey().contains(part))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void oneBaliInFourStoriesWhateverTheTransliteration() {
    // Mustafa (3 outlets), Mostafa and Mostefa; "Bali said" and a place-tagged "Bali" in one story
    assertEquals(Map.of("Mustafa Bali", 4L), matching("person", "Bali"));
    assertFalse(facets.get("place").containsKey("Bali"));
  }

  @Test
  void oneBaghdadiInTwoStoriesWhateverTheParticle() {
    Map<String, Long> baghdadi = matching("person", "Baghdadi");
    assertEquals(1, baghdadi.size(), baghdadi.toString());
    assertEquals(2L, baghdadi.values().iterator().next());
  }

  @Test
  void placesAndOrganisationsInEveryStory() {
    assertEquals(5L, facets.get("place").get("Baghouz"));
    assertEquals(Map.of("Baghouz", 5L), matching("place", "Bagh"));
    assertEquals(5L, facets.get("organization").get("Syrian Democratic Forces"));
    assertFalse(facets.get("organization").containsKey("SDF"), "the acronym is the same entity");
    assertEquals(5L, facets.get("organization").get("Islamic State"));
    for (String alias : List.of("Daesh", "Isis", "IS")) {
      assertFalse(facets.get("organization").containsKey(alias), alias);
      assertFalse(facets.get("person").containsKey(alias), alias);
    }
    assertEquals(3L, facets.get("organization").get("Syrian Observatory for Human Rights"));
    // seed 000 opens "SOUSA: Syrian opposition activists said ...": a dateline, so a place
    assertEquals(1L, facets.get("place").get("SOUSA"));
    assertFalse(facets.get("person").containsKey("SOUSA"));
  }

  @Test
  void pageFurnitureIsNoEntity() {
    for (String dim : List.of("person", "organization", "place")) {
      for (String furniture : List.of("Read more", "Close", "Read", "More")) {
        assertFalse(facets.get(dim).containsKey(furniture), dim + ": " + furniture);
      }
    }
  }

  @Test
  void aFilterOnTheEntityFindsEverySpelling() throws IOException {
    SearchResponse r =
        search.search(
            new SearchRequest(
                "",
                Map.of("person", List.of("Mustafa Bali")),
                null,
                null,
                SortOrder.RELEVANCE,
                1,
                10,
                null,
                0,
                10));
    assertEquals(4, r.total());
  }

  @Test
  void mentionsKeepTheirWrittenFormAndOffsets() throws IOException {
    SearchResponse r =
        search.search(
            new SearchRequest(
                "Mostefa", Map.of(), null, null, SortOrder.RELEVANCE, 1, 10, null, 0, 0));
    assertEquals(1, r.total());
    DocumentView doc = search.document(r.hits().get(0).id());
    var bali = doc.mentions().stream().filter(m -> m.canonical().equals("Mustafa Bali")).toList();
    assertTrue(bali.stream().anyMatch(m -> m.text().equals("Mostefa Bali")), bali.toString());
    for (var m : doc.mentions()) {
      assertEquals(m.text(), doc.text().substring(m.start(), m.end()));
    }
  }
}
