package org.dateline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reuters-21578's own topic labels as relevance judgements: a story is relevant to a query about a
 * topic when its {@code <TOPICS>} carry that topic's code. Read straight from the SGML (Latin-1),
 * each story by its NEWID, which both Dateline (the article's item key) and the Solr peer (its id)
 * keep.
 */
public final class ReutersTopics {

  private static final Pattern STORY =
      Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern TOPICS = Pattern.compile("<TOPICS>(.*?)</TOPICS>", Pattern.DOTALL);
  private static final Pattern CODE = Pattern.compile("<D>(.*?)</D>");

  private final Map<String, Set<String>> storiesByTopic;

  private ReutersTopics(Map<String, Set<String>> storiesByTopic) {
    this.storiesByTopic = storiesByTopic;
  }

  /** The topics of every story of the {@code reut2-*.sgm} files in {@code sgmDir}. */
  public static ReutersTopics read(Path sgmDir) throws IOException {
    Map<String, Set<String>> byTopic = new HashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(sgmDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no .sgm files in " + sgmDir);
    }
    for (Path file : files) {
      String sgml = Files.readString(file, StandardCharsets.ISO_8859_1);
      Matcher story = STORY.matcher(sgml);
      while (story.find()) {
        Matcher id = NEWID.matcher(story.group(1));
        Matcher topics = TOPICS.matcher(story.group(2));
        if (id.find() && topics.find()) {
          Matcher code = CODE.matcher(topics.group(1));
          while (code.find()) {
            byTopic.computeIfAbsent(code.group(1), k -> new HashSet<>()).add(id.group(1));
          }
        }
      }
    }
    return new ReutersTopics(byTopic);
  }

  /** The NEWIDs of the stories labelled {@code topic} (empty for an unknown code). */
  public Set<String> stories(String topic) {
    return storiesByTopic.getOrDefault(topic, Set.of());
  }

  /** One judged query: the topic it is about and what a journalist would type. */
  public record Judged(String topic, String query) {}

  /** Reads "topic TAB query" lines; "#" starts a comment. */
  public static List<Judged> readQueries(Path file) throws IOException {
    List<Judged> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IOException("not 'topic TAB query': " + line);
      }
      out.add(new Judged(cols[0].strip(), cols[1].strip()));
    }
    return out;
  }
}
