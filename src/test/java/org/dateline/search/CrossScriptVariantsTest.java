package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.dateline.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: with variants, a name typed in Latin letters also finds it written in Arabic or
 * Cyrillic script, and the reverse, on the seeds (English, about Baghouz and the SDF's Mustafa
 * Bali) beside short Arabic and Russian articles written for this test.
 */
class CrossScriptVariantsTest {

  @TempDir static Path dir;
  static SearchService search;

  @BeforeAll
  static void index() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    write(
        in,
        "ar-baghouz.txt",
        "ar",
        "قصفت الطائرات مواقع في بلدة الباغوز يوم الأحد، وقال مصطفى بالي إن المعارك مستمرة.");
    write(
        in,
        "ar-other.txt",
        "ar",
        "أعلنت الحكومة عن إجراءات جديدة لمكافحة الفساد في العاصمة بعد احتجاجات واسعة.");
    write(
        in,
        "ru-bali.txt",
        "ru",
        "Представитель курдских сил Мустафа Бали сообщил о новых боях у деревни Багуз.");
    write(
        in,
        "ru-other.txt",
        "ru",
        "Правительство объявило о новых мерах по борьбе с коррупцией в столице страны.");
    TestIndexes.index(dir.resolve("index"), false, TestIndexes.SEEDS, in);
    search = SearchService.readOnly(dir.resolve("index"));
  }

  private static void write(Path in, String name, String language, String text) throws IOException {
    Files.writeString(in.resolve(name), text);
    Files.writeString(in.resolve(name + ".meta.json"), "{\"language\": \"" + language + "\"}");
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  /** The files a search with variants finds: the test's own by name, the seeds counted. */
  private static Set<String> found(String q) throws IOException {
    String expanded = search.entities().expand(q);
    return search
        .search(
            new SearchRequest(
                expanded, java.util.Map.of(), null, null, SortOrder.RELEVANCE, 1, 100, null, 1, 0))
        .hits()
        .stream()
        .map(h -> Path.of(h.path()).getFileName().toString())
        .map(f -> f.matches("\\d{3}_.*") ? "seed" : f)
        .collect(Collectors.toSet());
  }

  @Test
  void aLatinNameFindsItsArabicAndCyrillicSpellings() throws IOException {
    assertEquals(Set.of("seed", "ar-baghouz.txt", "ru-bali.txt"), found("Baghouz"));
    assertEquals(Set.of("seed", "ar-baghouz.txt", "ru-bali.txt"), found("Mustafa Bali"));
    assertEquals(Set.of("seed", "ar-baghouz.txt", "ru-bali.txt"), found("\"Mustafa Bali\""));
  }

  @Test
  void anArabicOrCyrillicNameFindsItsLatinSpelling() throws IOException {
    assertEquals(Set.of("seed", "ar-baghouz.txt"), found("الباغوز"));
    assertEquals(Set.of("seed", "ru-bali.txt"), found("Мустафа Бали"));
  }

  @Test
  void withoutVariantsEachScriptFindsOnlyItself() throws IOException {
    SearchResponse plain = search.search(SearchRequest.of("Baghouz"));
    assertEquals(
        Set.of("seed"),
        plain.hits().stream()
            .map(h -> Path.of(h.path()).getFileName().toString())
            .map(f -> f.matches("\\d{3}_.*") ? "seed" : f)
            .collect(Collectors.toSet()));
  }

  @Test
  void aShortKeyOrAnOperatorIsLeftAlone() throws IOException {
    assertEquals("Assad", search.entities().expand("Assad"));
    assertEquals("Baghouz AND Bali", search.entities().expand("Baghouz AND Bali"));
  }
}
