package org.dateline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Reuters-21578 SGML file into one article per {@code <REUTERS>} story. The corpus is
 * SGML, not XML (bare control-character entities, Latin-1 bytes), so it is read with patterns
 * rather than an XML parser. Stateless and thread-safe.
 */
public final class ReutersSgmlReader {

  private static final Pattern STORY =
      Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern TEXT_TYPE = Pattern.compile("<TEXT([^>]*)>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d+);");

  private ReutersSgmlReader() {}

  /** True when the start of a file looks like Reuters-21578 SGML. */
  public static boolean looksLike(String head) {
    return head.contains("<REUTERS ") || head.contains("<!DOCTYPE lewis");
  }

  public static List<SourceDoc> read(String sgml) {
    List<SourceDoc> docs = new ArrayList<>();
    Matcher m = STORY.matcher(sgml);
    while (m.find()) {
      docs.add(story(m.group(1), m.group(2)));
    }
    return docs;
  }

  private static SourceDoc story(String attributes, String story) {
    Matcher id = NEWID.matcher(attributes);
    String key = id.find() ? id.group(1) : Integer.toHexString(story.hashCode());
    String title = decode(element(story, "TITLE"));
    String body = decode(element(story, "BODY"));
    Matcher type = TEXT_TYPE.matcher(story);
    if (body.isEmpty() && type.find() && type.group(1).contains("UNPROC")) {
      body = decode(TAG.matcher(element(story, "TEXT")).replaceAll(" "));
    }
    String text = body.isEmpty() ? title : body;
    List<MetaValue> dates = new ArrayList<>();
    String date = element(story, "DATE").strip();
    if (!date.isEmpty()) {
      dates.add(new MetaValue(date, "reuters-sgml"));
    }
    return new SourceDoc(
        key,
        title,
        TextNormalizer.normalize(text),
        "reuters-sgml",
        null,
        "en",
        dates,
        List.of(new MetaValue("Reuters", "reuters-sgml")),
        List.of(),
        List.of("Reuters"));
  }

  private static String element(String story, String name) {
    int start = story.indexOf("<" + name);
    if (start < 0) {
      return "";
    }
    int open = story.indexOf('>', start);
    int end = story.indexOf("</" + name + ">", open);
    return open < 0 || end < 0 ? "" : story.substring(open + 1, end);
  }

  private static String decode(String s) {
    String out = s.replace("&lt;", "<").replace("&gt;", ">");
    Matcher m = NUMERIC_ENTITY.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int cp = Integer.parseInt(m.group(1));
      String replacement = cp < 32 && cp != 10 ? "" : new String(Character.toChars(cp));
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString().replace("&amp;", "&").strip();
  }
}
