package org.dateline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Evaluation 4 of issue 16: a multi-outlet set made from real texts. Each of {@code n} stories
 * (half Reuters-21578, half BBC News, drawn with a fixed seed) is printed five times: once as the
 * wire copy, then by four outlets, each with a new headline, a rewritten lead, the text cut from
 * the bottom at a paragraph boundary (keeping 40-90 % of its words), a local paragraph, house-style
 * changes (curly quotes, dashes, spellings, "mln" as "million") and a credit line, published 1 to
 * 48 hours after the wire. Written as plain-text files with sidecars (outlet, date); {@link
 * SyntheticScore} scores the stories ingest made of them.
 */
public final class SyntheticStories {

  /** Copies per story: the wire copy and four outlets'. */
  public static final int COPIES = 5;

  /** Stories start this far apart, so many are open within any 7-day window. */
  private static final long STORY_SPACING_MS = 4L * 3600 * 1000;

  private static final Instant FIRST = Instant.parse("2030-01-01T06:00:00Z");

  private static final String[] LOCAL = {
    "Residents of %s said the news about %s would be felt in the town, the %s learned.",
    "In %s, where %s is followed closely, council members asked for a briefing, the %s said.",
    "Readers in %s wrote to the %s asking what %s would mean for them.",
    "The %s asked traders in %s about %s; most said it was too early to tell.",
  };

  private static final String[] TOWNS = {"Ashford", "Bexley", "Corrib", "Dunmore", "Elland"};

  /** One copy as written: its file, its story, its place, the share of the wire words it kept. */
  public record Copy(String file, String corpus, int story, int copy, double kept, long dateMs) {}

  private SyntheticStories() {}

  /** Writes the set into {@code dir}; returns the copies written. */
  public static List<Copy> write(
      List<CorpusStories.Story> reuters, List<CorpusStories.Story> bbc, int n, long seed, Path dir)
      throws IOException {
    Random random = new Random(seed);
    List<CorpusStories.Story> sources = new ArrayList<>();
    sources.addAll(pick(reuters, n / 2, random));
    sources.addAll(pick(bbc, n - n / 2, random));
    Files.createDirectories(dir);
    List<Copy> out = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      CorpusStories.Story story = sources.get(s);
      long wireMs = FIRST.toEpochMilli() + s * STORY_SPACING_MS;
      String corpus = story.source();
      out.add(writeCopy(dir, corpus, s, 0, "Wire", story.title(), wire(story), 1.0, wireMs));
      long at = wireMs;
      for (int k = 1; k < COPIES; k++) {
        at += 3_600_000L + random.nextInt(12 * 3_600_000);
        String outlet = "Outlet " + (char) ('A' + k - 1);
        Printed p = print(story, outlet, 0.4 + 0.5 * random.nextDouble(), random);
        out.add(writeCopy(dir, corpus, s, k, outlet, p.title(), p.body(), p.kept(), at));
      }
    }
    return out;
  }

  /** Stories long enough to cut: at least four paragraphs and 150 words. */
  private static List<CorpusStories.Story> pick(
      List<CorpusStories.Story> all, int n, Random random) {
    List<CorpusStories.Story> usable = new ArrayList<>();
    for (CorpusStories.Story s : all) {
      if (s.paragraphs().size() >= 4 && words(String.join(" ", s.paragraphs())) >= 150) {
        usable.add(s);
      }
    }
    java.util.Collections.shuffle(usable, random);
    return usable.subList(0, Math.min(n, usable.size()));
  }

  private static String wire(CorpusStories.Story story) {
    return String.join("\n\n", story.paragraphs()) + "\n\n(Reporting by the wire desk)";
  }

  private record Printed(String title, String body, double kept) {}

  /** One outlet's copy of {@code story}, keeping about {@code keep} of its words. */
  private static Printed print(CorpusStories.Story story, String outlet, double keep, Random r) {
    List<String> paras = story.paragraphs();
    int total = words(String.join(" ", paras));
    List<String> body = new ArrayList<>();
    int kept = 0;
    for (int i = 0; i < paras.size() && (kept < keep * total || body.size() < 2); i++) {
      body.add(paras.get(i));
      kept += words(paras.get(i));
    }
    body.set(0, rewriteLead(body.get(0), outlet));
    String[] topic = paras.get(1).split("\\s+");
    String town = TOWNS[r.nextInt(TOWNS.length)];
    String about = String.join(" ", List.of(topic).subList(0, Math.min(3, topic.length)));
    String local = LOCAL[r.nextInt(LOCAL.length)];
    body.add(
        1 + r.nextInt(body.size()),
        local.startsWith("The %s")
            ? String.format(java.util.Locale.ROOT, local, outlet, town, about)
            : local.startsWith("Readers")
                ? String.format(java.util.Locale.ROOT, local, town, outlet, about)
                : String.format(java.util.Locale.ROOT, local, town, about, outlet));
    String text = houseStyle(String.join("\n\n", body));
    String title =
        outlet + ": " + String.join(" ", List.of(topic).subList(0, Math.min(7, topic.length)));
    return new Printed(
        title, text + "\n\n(Additional reporting by " + outlet + " staff)", (double) kept / total);
  }

  /** The lead retold: its first clause moved behind an attribution, every ninth word dropped. */
  private static String rewriteLead(String lead, String outlet) {
    String[] words = lead.split("\\s+");
    StringBuilder out = new StringBuilder("According to reports seen by " + outlet + ",");
    for (int i = 0; i < words.length; i++) {
      if (i % 9 != 8) {
        out.append(' ').append(i == 0 ? words[i].toLowerCase(java.util.Locale.ROOT) : words[i]);
      }
    }
    return out.toString();
  }

  /** Typographic and spelling conventions of another house. */
  private static String houseStyle(String text) {
    return text.replaceAll("\"(\\S)", "\u201c$1")
        .replaceAll("(\\S)\"", "$1\u201d")
        .replace(" - ", " \u2014 ")
        .replace(" mln ", " million ")
        .replace(" pct ", " per cent ")
        .replaceAll("\\b(organ|recogn|real|emphas)ize", "$1ise")
        .replace("U.S.", "US");
  }

  private static Copy writeCopy(
      Path dir,
      String corpus,
      int story,
      int copy,
      String outlet,
      String title,
      String body,
      double kept,
      long ms)
      throws IOException {
    String name = String.format(java.util.Locale.ROOT, "s%03d-c%d.txt", story, copy);
    Files.writeString(dir.resolve(name), title + "\n\n" + body + "\n");
    Files.writeString(
        dir.resolve(name + ".meta.json"),
        "{\"outlet\": \"" + outlet + "\", \"date\": \"" + Instant.ofEpochMilli(ms) + "\"}");
    return new Copy(name, corpus, story, copy, kept, ms);
  }

  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
