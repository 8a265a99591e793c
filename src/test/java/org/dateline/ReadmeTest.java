package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is a user's document read top to bottom (the internals live in docs/), keeps the test
 * command CI runs, and no link of it or of docs/ points at a file or a heading that is not there.
 */
class ReadmeTest {

  /** The sections a newcomer reads, in the order they are needed. */
  private static final List<String> SECTIONS =
      List.of(
          "Install and run",
          "The first search",
          "Index your own archive",
          "Query syntax",
          "The page",
          "Embedding the search in another site",
          "The HTTP API in short",
          "Command line",
          "Configuration",
          "Tests",
          "Dependencies and why each is there",
          "More documentation",
          "Licence");

  /** Longer than this, the user's sections are buried again (session 19's README had 1,544). */
  private static final int MAX_LINES = 400;

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void readmeIsShortWithTheUsersSectionsInOrder() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    assertTrue(lines.size() <= MAX_LINES, "README.md has " + lines.size() + " lines");
    List<String> headings = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("## ")) {
        headings.add(line.substring(3).strip());
      }
    }
    List<String> found = headings.stream().filter(SECTIONS::contains).toList();
    assertEquals(SECTIONS, found, "README's sections: " + headings);
  }

  @Test
  void readmeKeepsTheTestCommandCiRuns() throws IOException {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertTrue(ci.lines().anyMatch(l -> l.strip().equals("./dateline test")), ".ci/run");
    String tests = section(Files.readString(ROOT.resolve("README.md")), "Tests");
    assertTrue(tests.lines().anyMatch(l -> l.startsWith("./dateline test ")), tests);
  }

  @Test
  void everyDocumentOfDocsThatLinksBackIsLinkedFromTheReadme() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<String> unlinked = new ArrayList<>();
    for (Path doc : markdownOfDocs()) {
      String name = doc.getFileName().toString();
      if (Files.readString(doc).contains("](../README.md)") && !readme.contains("](docs/" + name)) {
        unlinked.add(name);
      }
    }
    assertEquals(List.of(), unlinked);
  }

  @Test
  void everyRelativeLinkOfTheReadmeAndDocsFindsItsFileAndHeading() throws IOException {
    List<Path> files = new ArrayList<>(markdownOfDocs());
    files.add(ROOT.resolve("README.md"));
    List<String> broken = new ArrayList<>();
    for (Path file : files) {
      for (String link : MarkdownLinks.broken(file)) {
        broken.add(ROOT.relativize(file) + ": " + link);
      }
    }
    assertEquals(List.of(), broken);
  }

  private static List<Path> markdownOfDocs() throws IOException {
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      return docs.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  /** The text of a "## " section, up to the next one. */
  private static String section(String markdown, String name) {
    int start = markdown.indexOf("\n## " + name + "\n");
    assertTrue(start >= 0, "no section " + name);
    int end = markdown.indexOf("\n## ", start + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }
}
