package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's {@code .meta.json} beside a source file: where it is found and what it says. */
class SidecarTest {

  @TempDir Path dir;

  @Test
  void everyFieldIsReadAndUnknownFieldsAreIgnored() throws ParseException {
    Path story = ReaderFixtures.path("quarry-letter.txt");
    Path sidecar = Sidecar.locate(story).orElseThrow();
    assertEquals("quarry-letter.txt.meta.json", sidecar.getFileName().toString());
    assertEquals(
        new Sidecar(
            "Letter to the quarry board",
            "2018-06-30",
            "Hillside Weekly",
            List.of("Rhea Moss", "Dan Oakes"),
            List.of("AFP"),
            "en",
            "https://hillside-weekly.example/quarry-letter"),
        Sidecar.read(sidecar));
  }

  @Test
  void aBrokenSidecarIsACorruptFileNamedInTheMessage() {
    ParseException e =
        assertThrows(
            ParseException.class, () -> Sidecar.read(ReaderFixtures.path("broken.meta.json")));
    assertEquals(FailureKind.CORRUPT, e.kind());
    assertTrue(
        e.getMessage().startsWith("sidecar broken.meta.json is not valid JSON: "), e.getMessage());
  }

  @Test
  void theFullNameWinsOverTheNameWithoutExtension() throws IOException {
    Path story = Files.writeString(dir.resolve("story.txt"), "text");
    assertEquals(Optional.empty(), Sidecar.locate(story));
    Files.writeString(dir.resolve("story.meta.json"), "{}");
    assertEquals(Optional.of(dir.resolve("story.meta.json")), Sidecar.locate(story));
    Files.writeString(dir.resolve("story.txt.meta.json"), "{}");
    assertEquals(Optional.of(dir.resolve("story.txt.meta.json")), Sidecar.locate(story));
  }

  @Test
  void aFileWithoutExtensionOrADotFileHasOnlyTheFullName() throws IOException {
    Path readme = Files.writeString(dir.resolve("README"), "text");
    Files.writeString(dir.resolve(".meta.json"), "{}");
    assertEquals(Optional.empty(), Sidecar.locate(readme));
    Path hidden = Files.writeString(dir.resolve(".notes"), "text");
    assertEquals(Optional.empty(), Sidecar.locate(hidden), "'.notes' has no extension to drop");
  }

  @Test
  void sidecarsAreKnownByTheirSuffix() {
    assertTrue(Sidecar.isSidecar(Path.of("a/story.txt.meta.json")));
    assertTrue(Sidecar.isSidecar(Path.of("story.meta.json")));
    assertFalse(Sidecar.isSidecar(Path.of("story.json")));
    assertFalse(Sidecar.isSidecar(Path.of("meta.json.txt")));
  }
}
