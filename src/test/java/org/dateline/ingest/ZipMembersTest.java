package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip member is read exactly as the file it holds: same route, text and metadata. */
class ZipMembersTest {

  private static final String PAGE =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>Ferry strike ends | The Harbour Post</title>
      <link rel="canonical" href="https://harbourpost.example/news/ferry-strike-ends">
      <meta property="og:site_name" content="The Harbour Post">
      <meta property="article:published_time" content="2019-03-06T23:40:00-05:00">
      </head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
      <article><h1>Ferry strike ends</h1>
      <p>Ferry crews returned to work on Wednesday evening after a four-day strike over rosters
      ended with an agreement between the union and the operator, both sides said.</p>
      <p>Commuters had queued for hours at the bus stops along the coast road while the boats
      stayed tied up in the harbour, and the council ran extra buses at its own cost.</p></article>
      <footer>Copyright The Harbour Post. All rights reserved.</footer></body></html>
      """;

  private static final String WIRE = "Wire copy\n\nLONDON, March 5 - Shares rose on Tuesday.\n";

  private final FileParser parser = new FileParser(1L << 30, 5_000_000, 50_000_000);

  @TempDir Path dir;

  @Test
  void eachMemberIsReadAsTheFileItHolds() throws Exception {
    byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
    byte[] wire = WIRE.getBytes(StandardCharsets.UTF_8);
    SourceDoc pageAlone = parser.parse(Files.write(dir.resolve("ferry.html"), page)).get(0);
    SourceDoc wireAlone = parser.parse(Files.write(dir.resolve("wire.txt"), wire)).get(0);
    Path zip =
        Files.write(
            dir.resolve("archive.zip"),
            zip("2019/03/ferry.html", page, "wire.txt", wire, "photos/", new byte[0]));

    List<SourceDoc> docs = parser.parse(zip);

    assertEquals(2, docs.size(), docs.toString());
    // the page took the article path: its canonical URL, site name and date, no menu in the text
    assertEquals(pageAlone.withItemKey("/2019/03/ferry.html"), docs.get(0));
    assertEquals("https://harbourpost.example/news/ferry-strike-ends", docs.get(0).url());
    assertEquals(wireAlone.withItemKey("/wire.txt"), docs.get(1));
  }

  @Test
  void aMemberThatCannotBeReadIsSkippedWhenOthersCanBe() throws Exception {
    byte[] wire = WIRE.getBytes(StandardCharsets.UTF_8);
    Path zip = Files.write(dir.resolve("mixed.zip"), zip("empty.txt", new byte[0], "w.txt", wire));
    List<SourceDoc> docs = parser.parse(zip);
    assertEquals(List.of("/w.txt"), docs.stream().map(SourceDoc::itemKey).toList());
    Path none = Files.write(dir.resolve("none.zip"), zip("empty.txt", new byte[0]));
    ParseException e = assertThrows(ParseException.class, () -> parser.parse(none));
    assertEquals(FailureKind.EMPTY, e.kind());
  }

  @Test
  void membersThatExpandBeyondTheLimitFailTheArchive() throws Exception {
    byte[] zeros = new byte[17 << 20]; // over the 16 MB floor, from a zip of a few KB
    Path bomb = Files.write(dir.resolve("bomb.zip"), zip("a.txt", zeros));
    ParseException e = assertThrows(ParseException.class, () -> parser.parse(bomb));
    assertEquals(FailureKind.TOO_LARGE, e.kind());
    assertEquals(
        "a zip bomb: its members expand to more than 16777216 bytes (the limit for the files"
            + " inside)",
        e.getMessage());
  }

  /** A zip of name, content pairs (a name ending in "/" is a folder). */
  private static byte[] zip(Object... nameAndContent) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buf)) {
      for (int i = 0; i < nameAndContent.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
        zip.write((byte[]) nameAndContent[i + 1]);
        zip.closeEntry();
      }
    }
    return buf.toByteArray();
  }
}
