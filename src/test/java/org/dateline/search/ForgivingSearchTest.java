package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search that forgives what a journalist types, on the five seeds with their resolved entities:
 * misspelt words get "did you mean", filters match whatever the case, accents or spelling of a
 * known name, and a filter that matches nothing says so and names the closest values.
 */
class ForgivingSearchTest {

  @TempDir static Path dir;
  static SearchService search;

  @BeforeAll
  static void indexSeeds() throws IOException {
    TestIndexes.indexWithEntities(dir, TestIndexes.SEEDS);
    search = SearchService.readOnly(dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static SearchResponse search(String q, Map<String, List<String>> filters)
      throws IOException {
    return search.search(
        new SearchRequest(q, filters, null, null, SortOrder.RELEVANCE, 1, 10, null, 1, 10));
  }

  @Test
  void aMisspeltPlaceIsCorrectedToTheArchivesSpelling() throws IOException {
    SearchResponse r = search("Baghooz", Map.of());
    assertEquals(0, r.total());
    assertEquals(new Suggestion("Baghouz", 4, false), r.didYouMean().get(0));
    SearchResponse other = search("Bagouz", Map.of());
    assertEquals(0, other.total());
    assertEquals(
        List.of(new Suggestion("Baghouz", 4, false), new Suggestion("Baghuz", 1, false)),
        other.didYouMean());
  }

  @Test
  void onlyTheMisspeltWordChangesAndTheSuggestionKeepsTheRest() throws IOException {
    SearchResponse r = search("\"Mustafa Bali\" AND Baghooz", Map.of());
    assertEquals(0, r.total());
    assertEquals("\"Mustafa Bali\" AND Baghouz", r.didYouMean().get(0).query());
    assertEquals(
        search("\"Mustafa Bali\" AND Baghouz", Map.of()).total(), r.didYouMean().get(0).hits());
  }

  @Test
  void aSearchThatFindsEnoughSuggestsNothing() throws IOException {
    assertEquals(List.of(), search("Syria", Map.of()).didYouMean());
  }

  @Test
  void filtersMatchWhateverTheCaseAndAccents() throws IOException {
    long exact = search("", Map.of("person", List.of("Mustafa Bali"))).total();
    assertEquals(4, exact);
    assertEquals(exact, search("", Map.of("person", List.of("mustafa bali"))).total());
    assertEquals(exact, search("", Map.of("person", List.of("Mustafá  Bali"))).total());
    assertEquals(
        List.of(), search("", Map.of("person", List.of("MUSTAFA BALI"))).unmatchedFilters());
  }

  @Test
  void aPersonFilterMatchesAnotherSpellingOfTheName() throws IOException {
    SearchResponse r = search("", Map.of("person", List.of("Mostafa Bali")));
    assertEquals(4, r.total());
    assertEquals(List.of(), r.unmatchedFilters());
  }

  @Test
  void aFilterThatMatchesNothingSaysSoAndNamesTheClosestValues() throws IOException {
    // another consonant: not taken for the man, but offered first
    SearchResponse none = search("", Map.of("person", List.of("Mustafa Balik")));
    assertEquals(0, none.total());
    assertEquals(1, none.unmatchedFilters().size());
    assertEquals("person", none.unmatchedFilters().get(0).dimension());
    assertEquals("Mustafa Balik", none.unmatchedFilters().get(0).value());
    assertEquals("Mustafa Bali", none.unmatchedFilters().get(0).closest().get(0));
  }

  @Test
  void aNameTypedAsWordsIsCentredWholeAsWhenQuoted() throws IOException {
    SearchRequest words = SearchRequest.of("Mustafa Bali");
    SearchRequest quoted = SearchRequest.of("\"Mustafa Bali\"");
    Concordance.Result asWords = Concordance.collect(search, words, Concordance.Order.HITS, 100);
    Concordance.Result asPhrase = Concordance.collect(search, quoted, Concordance.Order.HITS, 100);
    // the same lines; the two queries score hits differently, so compare them in text order
    java.util.Comparator<ConcordanceLine> byPlace =
        java.util.Comparator.comparing(ConcordanceLine::id)
            .thenComparingInt(ConcordanceLine::offset);
    assertEquals(
        asPhrase.lines().stream().sorted(byPlace).toList(),
        asWords.lines().stream().sorted(byPlace).toList());
    assertEquals(
        List.of("Mustafa Bali"),
        asWords.lines().stream().map(ConcordanceLine::match).distinct().toList());
    SearchResponse r = search.search(words);
    assertEquals("Mustafa Bali", r.entity().canonical());
    assertEquals(org.dateline.enrich.entities.EntityType.PERSON, r.entity().type());
    assertEquals(null, search("Bali Syria", Map.of()).entity());
  }

  @Test
  void aShortWordIsRespeltByOneEditOnly() throws IOException {
    // Two edits on five letters made "Tony Blair" into "Tiny Bali" (2 articles) on the seeds.
    SearchResponse r = search("Tony Blair", Map.of());
    assertEquals(0, r.total());
    assertEquals(List.of(), r.didYouMean());
    // A longer word keeps two edits: "Bghouz" is one from Baghouz, two from Baghuz.
    assertEquals(
        List.of(new Suggestion("Baghouz", 4, false), new Suggestion("Baghuz", 1, false)),
        search("Bghouz", Map.of()).didYouMean());
  }

  @Test
  void aWordOfSeveralPartsIsFoundAndItsInflectionsToo() throws IOException {
    // Each part with every language's stem stacked made 9^3 paths: a 400 "too many words".
    assertEquals(5, search("U.S.-led", Map.of()).total());
    assertEquals(5, search("US-led", Map.of()).total());
    assertEquals(5, search("US-backing", Map.of()).total(), "backing and backed: one English stem");
    assertEquals(0, search("\"US-backing\"", Map.of()).total(), "a phrase stays exact");
    assertEquals(0, search("al-Qaeda-linked-U.S.-led-forces", Map.of()).total());
  }
}
