package org.dateline.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes hostile and odd files for the tests, deterministically (fixed seeds), in a given folder.
 */
public final class HostileFiles {

  private static final String[] WORDS =
      ("minister talks ceasefire border refugees election"
              + " parliament oil prices market strike court ruling police protest harbour storm")
          .split(" ");

  private HostileFiles() {}

  /**
   * The folder of issue 14's hostile files in {@code dir}: a 70 MB line of words, 70 MB of one
   * character, a 50 MB line of digits, a page nested 20,000 deep, a zip bomb, nested containers,
   * binary junk, invalid UTF-8 and an empty file (6 of the 9 can be indexed).
   */
  public static void folder(Path dir) throws IOException {
    singleLineOfWords(dir.resolve("words-one-line.txt"), 70);
    oneCharacter(dir.resolve("one-character.txt"), 70, 'a');
    lineOfDigits(dir.resolve("digits.txt"), 50);
    deeplyNestedHtml(dir.resolve("nested.html"), 20_000);
    zipBomb(dir.resolve("bomb.zip"), 200);
    nestedContainers(dir.resolve("nested.zip"));
    binaryJunk(dir.resolve("junk.html"), 64 * 1024);
    invalidUtf8(dir.resolve("bad-utf8.txt"));
    Files.createFile(dir.resolve("empty.txt"));
  }

  /** A zip whose one member inflates to {@code inflatedMb} MB of one repeated letter. */
  public static Path zipBomb(Path file, int inflatedMb) throws IOException {
    byte[] block = new byte[1 << 20];
    java.util.Arrays.fill(block, (byte) 'a');
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("bomb.txt"));
      for (int i = 0; i < inflatedMb; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    return file;
  }

  /** Plain text of about {@code mb} MB: lines of news words. */
  public static Path bigText(Path file, int mb) throws IOException {
    Random random = new Random(7);
    StringBuilder line = new StringBuilder();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long written = 0; written < mb * 1024L * 1024; written += line.length() + 1) {
        line.setLength(0);
        for (int i = 0; i < 12; i++) {
          line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        w.write(line.toString());
        w.write('\n');
      }
    }
    return file;
  }

  /**
   * About {@code mb} MB of news words and capitalised names on one line, with no sentence end: the
   * file that once kept the entity recogniser's tokenizer busy for over 15 minutes.
   */
  public static Path singleLineOfWords(Path file, int mb) throws IOException {
    String[] names = {"Angela Merkel", "Damascus", "Reuters", "United Nations", "Paris"};
    Random random = new Random(11);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long written = 0; written < mb * 1024L * 1024; ) {
        String word =
            random.nextInt(5) == 0
                ? names[random.nextInt(names.length)]
                : WORDS[random.nextInt(WORDS.length)];
        w.write(word);
        w.write(' ');
        written += word.length() + 1;
      }
    }
    return file;
  }

  /** {@code mb} MB of one character {@code c}, no break anywhere. */
  public static Path oneCharacter(Path file, int mb, char c) throws IOException {
    byte[] block = new byte[1 << 20];
    java.util.Arrays.fill(block, (byte) c);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mb; i++) {
        out.write(block);
      }
    }
    return file;
  }

  /** One line of {@code mb} MB of random digits. */
  public static Path lineOfDigits(Path file, int mb) throws IOException {
    Random random = new Random(13);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mb; i++) {
        for (int j = 0; j < block.length; j++) {
          block[j] = (byte) ('0' + random.nextInt(10));
        }
        out.write(block);
      }
    }
    return file;
  }

  /** A web page whose one paragraph sits inside {@code depth} nested elements. */
  public static Path deeplyNestedHtml(Path file, int depth) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("<html><head><title>Deep page</title></head><body>");
      w.write("<div><span>".repeat(depth / 2));
      w.write("<p>Storm closes the harbour of Valletta. The port shut for two days.</p>");
      w.write("</span></div>".repeat(depth / 2));
      w.write("</body></html>");
    }
    return file;
  }

  /** A zip holding a zip holding an mbox of two letters: containers three deep. */
  public static Path nestedContainers(Path file) throws IOException {
    String mbox =
        letter("Ceasefire talks resume", "Negotiators met again at the border post.")
            + letter("Port reopens after storm", "Ships left the harbour on Tuesday morning.");
    byte[] inner = zipOf("letters.mbox", mbox.getBytes(StandardCharsets.UTF_8));
    Files.write(file, zipOf("inner.zip", inner));
    return file;
  }

  /** A zip nested {@code depth} times around a one-line text file. */
  public static Path deepZip(Path file, int depth) throws IOException {
    byte[] bytes =
        zipOf(
            "story.txt", "Deep inside the archive a story waits.".getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i < depth; i++) {
      bytes = zipOf("level" + i + ".zip", bytes);
    }
    Files.write(file, bytes);
    return file;
  }

  private static String letter(String subject, String body) {
    return "From reporter@example.org Tue Mar 12 10:00:00 2019\n"
        + "From: Reporter <reporter@example.org>\nTo: desk@example.org\n"
        + "Date: Tue, 12 Mar 2019 10:00:00 +0000\nSubject: "
        + subject
        + "\n"
        + "Content-Type: text/plain; charset=UTF-8\n\n"
        + body
        + "\n\n";
  }

  static byte[] zipOf(String name, byte[] content) throws IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buf)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }
    return buf.toByteArray();
  }

  /** Random bytes under a name that promises a web page. */
  public static Path binaryJunk(Path file, int bytes) throws IOException {
    byte[] junk = new byte[bytes];
    new Random(11).nextBytes(junk);
    Files.write(file, junk);
    return file;
  }

  /** Text whose bytes are not valid UTF-8 in places (lone continuation and truncated sequences). */
  public static Path invalidUtf8(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("Election night in Lisbon: ".getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {(byte) 0x80, (byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82});
      out.write(" the parliament count went on until dawn.\n".getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
      out.write(" Turnout was high.\n".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /**
   * A Word document whose body is {@code xmlMb} MB of paragraphs of random words: small on disk but
   * far larger in memory once Tika's Word parser has read it.
   */
  public static Path memoryHungryDocx(Path file, int xmlMb) throws IOException {
    Random random = new Random(3);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
              + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
              + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
              + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
              + "2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
      w.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
              + "openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
      StringBuilder p = new StringBuilder();
      for (long n = 0; n < xmlMb * 1024L * 1024; n += p.length()) {
        p.setLength(0);
        p.append("<w:p><w:r><w:t>");
        for (int i = 0; i < 10; i++) {
          p.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(1000)).append(' ');
        }
        p.append("</w:t></w:r></w:p>");
        w.write(p.toString());
      }
      w.write("</w:body></w:document>");
      w.flush();
      zip.closeEntry();
    }
    return file;
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
