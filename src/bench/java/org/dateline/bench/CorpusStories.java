package org.dateline.bench;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dateline.enrich.Article;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.index.Schema;
import org.dateline.ingest.ReutersSgmlReader;
import org.dateline.ingest.SourceDoc;
import org.dateline.ingest.TextNormalizer;

/**
 * The real stories the benchmarks are built from: Reuters-21578 (with its document-level {@code
 * <PLACES>}, {@code <PEOPLE>} and {@code <ORGS>} codes) and the BBC News texts, each split into
 * paragraphs. Read in a fixed order (files sorted by name), so everything derived from it is
 * deterministic.
 */
public final class CorpusStories {

  private static final Pattern STORY =
      Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern CODE = Pattern.compile("<D>(.*?)</D>");

  /** A Reuters paragraph starts on a line indented by spaces; wrapped lines are not indented. */
  private static final Pattern REUTERS_PARAGRAPH = Pattern.compile("\\n(?=[ \\t]+\\S)");

  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

  /**
   * One real story: its title, its paragraphs, and the entity codes its source tagged it with (by
   * dimension; empty for BBC, which has none).
   */
  public record Story(
      String source, String title, List<String> paragraphs, Map<String, List<String>> entities) {}

  /** One Reuters story's codes (the corpus's own normalised names, e.g. "usa", "reagan"). */
  public record ReutersTags(List<String> places, List<String> people, List<String> orgs) {
    /** As index entity dimensions. */
    public Map<String, List<String>> asEntities() {
      return Map.of(Schema.PLACE, places, Schema.PERSON, people, Schema.ORGANIZATION, orgs);
    }
  }

  private CorpusStories() {}

  /** Every {@code reut2-*.sgm} file of {@code sgmDir}, sorted by name. */
  public static List<Path> reutersFiles(Path sgmDir) throws IOException {
    try (Stream<Path> files = Files.list(sgmDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList();
    }
  }

  /** Reads a Reuters SGML file as the corpus is encoded (ISO-8859-1). */
  public static String readSgml(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.ISO_8859_1);
  }

  /** The codes of every story in one SGML file, by NEWID. */
  public static Map<String, ReutersTags> reutersTags(String sgml) {
    Map<String, ReutersTags> out = new HashMap<>();
    Matcher m = STORY.matcher(sgml);
    while (m.find()) {
      Matcher id = NEWID.matcher(m.group(1));
      if (id.find()) {
        String story = m.group(2);
        out.put(
            id.group(1),
            new ReutersTags(codes(story, "PLACES"), codes(story, "PEOPLE"), codes(story, "ORGS")));
      }
    }
    return out;
  }

  private static List<String> codes(String story, String element) {
    int start = story.indexOf("<" + element + ">");
    int end = story.indexOf("</" + element + ">");
    if (start < 0 || end < start) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(story.substring(start, end));
    while (m.find()) {
      out.add(m.group(1).strip());
    }
    return List.copyOf(out);
  }

  /**
   * Every Reuters-21578 story through Dateline's own reader and enricher (dates, outlet, agencies,
   * language), with the corpus's codes as its entities. The article path is the SGML file's path,
   * as {@code dateline index} would give it.
   */
  public static List<Article> reutersArticles(Path sgmDir) throws IOException {
    Enricher enricher = Enricher.standard(EntityExtractor.NONE);
    List<Article> out = new ArrayList<>();
    for (Path file : reutersFiles(sgmDir)) {
      String sgml = readSgml(file);
      Map<String, ReutersTags> tags = reutersTags(sgml);
      String path = file.toAbsolutePath().normalize().toString();
      for (SourceDoc doc : ReutersSgmlReader.read(sgml)) {
        Article a = enricher.enrich(path, doc, null);
        ReutersTags t =
            tags.getOrDefault(doc.itemKey(), new ReutersTags(List.of(), List.of(), List.of()));
        out.add(a.withEntities(t.asEntities(), List.of()));
      }
    }
    return out;
  }

  /** Reuters stories with at least one paragraph of body, split into paragraphs. */
  public static List<Story> reuters(Path sgmDir) throws IOException {
    List<Story> out = new ArrayList<>();
    for (Path file : reutersFiles(sgmDir)) {
      String sgml = readSgml(file);
      Map<String, ReutersTags> tags = reutersTags(sgml);
      for (SourceDoc doc : ReutersSgmlReader.read(sgml)) {
        // Title-only briefs carry their title as text; they have no paragraph to lend.
        if (doc.title().isBlank() || doc.text().equals(doc.title())) {
          continue;
        }
        List<String> paragraphs = paragraphs(REUTERS_PARAGRAPH.split(doc.text()));
        if (!paragraphs.isEmpty()) {
          ReutersTags t = tags.get(doc.itemKey());
          out.add(
              new Story("reuters", doc.title(), paragraphs, t == null ? Map.of() : t.asEntities()));
        }
      }
    }
    return out;
  }

  /** BBC News stories: line one is the headline, paragraphs are separated by blank lines. */
  public static List<Story> bbc(Path bbcDir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bbcDir)) {
      files =
          walk.filter(p -> p.getFileName().toString().endsWith(".txt"))
              .filter(p -> !p.getFileName().toString().equals("README.TXT"))
              .sorted()
              .toList();
    }
    List<Story> out = new ArrayList<>();
    for (Path file : files) {
      String text = TextNormalizer.normalize(decode(Files.readAllBytes(file)));
      int nl = text.indexOf('\n');
      if (nl < 0) {
        continue;
      }
      List<String> paragraphs = paragraphs(BLANK_LINE.split(text.substring(nl + 1)));
      if (!paragraphs.isEmpty()) {
        out.add(new Story("bbc", text.substring(0, nl).strip(), paragraphs, Map.of()));
      }
    }
    return out;
  }

  /** UTF-8, or Latin-1 for the one BBC file that is not valid UTF-8. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static List<String> paragraphs(String[] raw) {
    List<String> out = new ArrayList<>(raw.length);
    for (String p : raw) {
      String flat = p.strip().replaceAll("\\s*\\n\\s*", " ");
      // Reuters stories end with the sign-off "Reuter"; it is no paragraph of its own.
      if (flat.length() >= 20) {
        out.add(flat);
      }
    }
    return List.copyOf(out);
  }
}
