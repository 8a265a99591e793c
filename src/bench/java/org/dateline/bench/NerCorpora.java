package org.dateline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dateline.enrich.entities.EntityType;

/**
 * Readers for the two entity benchmarks: CoNLL-2003 (IOB1 columns) and GUM's Wikinews stories
 * (CoNLL-U with bracketed {@code Entity=} annotations). Each story becomes plain text plus its gold
 * spans as character offsets into that text, so any recogniser is scored end to end, through its
 * own tokenizer and sentence splitter.
 */
public final class NerCorpora {

  /** A gold entity: {@code [start, end)} in the story's text. */
  public record Gold(int start, int end, EntityType type) {}

  /** One story: its text and its gold entities. */
  public record Story(String id, String text, List<Gold> gold, int tokens) {}

  private NerCorpora() {}

  /**
   * The stories hard-wrapped at {@code columns} as wire copy is: a space becomes a line break
   * wherever the next word would pass the column, so text length and gold offsets stay the same.
   */
  public static List<Story> wrapped(List<Story> stories, int columns) {
    List<Story> out = new ArrayList<>(stories.size());
    for (Story s : stories) {
      char[] text = s.text().toCharArray();
      int lineStart = 0;
      for (int i = 0; i < text.length; i++) {
        if (text[i] == '\n') {
          lineStart = i + 1;
        } else if (text[i] == ' ') {
          int wordEnd = i + 1;
          while (wordEnd < text.length && text[wordEnd] != ' ' && text[wordEnd] != '\n') {
            wordEnd++;
          }
          if (wordEnd - lineStart > columns) {
            text[i] = '\n';
            lineStart = i + 1;
          }
        }
      }
      out.add(new Story(s.id(), new String(text), s.gold(), s.tokens()));
    }
    return out;
  }

  /**
   * CoNLL-2003: tokens and sentences joined by spaces, so the recogniser finds the sentence
   * boundaries itself (the corpus keeps no paragraphs); MISC is not scored.
   */
  public static List<Story> conll(Path file) throws IOException {
    List<Story> stories = new ArrayList<>();
    StoryBuilder b = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("-DOCSTART-")) {
        if (b != null) {
          stories.add(b.build());
        }
        b = new StoryBuilder("conll-" + (stories.size() + 1));
        continue;
      }
      if (b == null) {
        b = new StoryBuilder("conll-1");
      }
      if (line.isBlank()) {
        b.endSentence();
        continue;
      }
      String[] cols = line.split(" ");
      String tag = cols[cols.length - 1];
      b.token(cols[0], true, tag);
    }
    if (b != null) {
      stories.add(b.build());
    }
    stories.removeIf(s -> s.tokens() == 0);
    return stories;
  }

  /** Accumulates one story's text and its IOB1 entities. */
  private static final class StoryBuilder {
    private final String id;
    private final StringBuilder text = new StringBuilder();
    private final List<Gold> gold = new ArrayList<>();
    private int tokens;
    private boolean sentenceOpen;
    private boolean spaceBefore;
    private int openStart = -1;
    private int openEnd;
    private String openTag;

    StoryBuilder(String id) {
      this.id = id;
    }

    void token(String word, boolean spaceAfter, String iob) {
      if (!sentenceOpen && !text.isEmpty() || sentenceOpen && spaceBefore) {
        text.append(' ');
      }
      sentenceOpen = true;
      int start = text.length();
      text.append(word);
      tokens++;
      String type = iob.length() > 2 ? iob.substring(2) : null;
      boolean begins = iob.startsWith("B-") || type != null && !type.equals(openTag);
      if (type == null || begins) {
        close();
      }
      if (type != null) {
        if (openStart < 0) {
          openStart = start;
          openTag = type;
        }
        openEnd = text.length();
      }
      spaceBefore = spaceAfter;
    }

    void endSentence() {
      close();
      sentenceOpen = false;
    }

    private void close() {
      if (openStart >= 0) {
        EntityType t = conllType(openTag);
        if (t != null) {
          gold.add(new Gold(openStart, openEnd, t));
        }
      }
      openStart = -1;
      openTag = null;
    }

    Story build() {
      close();
      return new Story(id, text.toString(), List.copyOf(gold), tokens);
    }
  }

  private static EntityType conllType(String tag) {
    return switch (tag) {
      case "PER" -> EntityType.PERSON;
      case "ORG" -> EntityType.ORGANIZATION;
      case "LOC" -> EntityType.PLACE;
      default -> null;
    };
  }

  /**
   * Penn tags a name may contain between its proper nouns ("University of Helsinki"). Penn, not
   * Universal, tags: GUM tags the "United" of "United States" VERB but NNP.
   */
  private static final Set<String> NAME_INNER =
      Set.of("NNP", "NNPS", "IN", "DT", "CC", "HYPH", "CD", "TO");

  private static final Set<String> PROPER = Set.of("NNP", "NNPS");

  /**
   * GUM: every {@code *.conllu} story in {@code dir}, text rebuilt with its spacing. Gold entities
   * are GUM's person, organization and place mentions that are names: the span split at commas
   * ("Cambridge, Massachusetts" is two names, as in CoNLL), each part trimmed to its outer proper
   * nouns, made only of proper nouns and the function words between them, and not inside another
   * such name (GUM also marks "the biologist" and pronouns, which no NER tags). Titles GUM tags as
   * proper nouns stay in ("Professor Chomsky"), so these figures are a lower bound.
   */
  public static List<Story> gum(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".conllu")).sorted().toList();
    }
    List<Story> out = new ArrayList<>();
    for (Path f : files) {
      out.add(gumStory(f));
    }
    return out;
  }

  private record Tok(int start, int end, String upos) {} // upos holds the Penn tag (XPOS)

  private static Story gumStory(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    List<Tok> toks = new ArrayList<>();
    List<int[]> spans = new ArrayList<>(); // {firstTok, lastTok, typeOrdinal}
    Map<String, int[]> open = new HashMap<>(); // id -> {firstTok, typeOrdinal}
    boolean space = false;
    boolean paragraph = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("# newpar")) {
        paragraph = true;
      }
      if (line.startsWith("# sent_id")) {
        if (!text.isEmpty()) {
          text.append(paragraph ? "\n\n" : " "); // GUM's paragraphs; sentences are for the splitter
        }
        paragraph = false;
        space = false;
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      if (c[0].contains("-") || c[0].contains(".")) {
        continue;
      }
      if (space) {
        text.append(' ');
      }
      int start = text.length();
      text.append(c[1]);
      toks.add(new Tok(start, text.length(), c[4]));
      space = !c[9].contains("SpaceAfter=No");
      for (String field : c[9].split("\\|")) {
        if (field.startsWith("Entity=")) {
          readEntities(field.substring(7), toks.size() - 1, open, spans);
        }
      }
    }
    List<Gold> gold = names(toks, spans);
    return new Story(file.getFileName().toString(), text.toString(), gold, toks.size());
  }

  /** Parses GUM's bracket notation: "(12-person-...", "(3-place-...)" and "12)". */
  private static void readEntities(String v, int tok, Map<String, int[]> open, List<int[]> spans) {
    int i = 0;
    while (i < v.length()) {
      if (v.charAt(i) == '(') {
        int j = i + 1;
        while (j < v.length() && v.charAt(j) != '(' && v.charAt(j) != ')') {
          j++;
        }
        String[] parts = v.substring(i + 1, j).split("-");
        int type = gumType(parts.length > 1 ? parts[1] : "");
        if (j < v.length() && v.charAt(j) == ')') {
          spans.add(new int[] {tok, tok, type});
          j++;
        } else {
          open.put(parts[0], new int[] {tok, type});
        }
        i = j;
      } else if (Character.isDigit(v.charAt(i))) {
        int j = i;
        while (j < v.length() && Character.isDigit(v.charAt(j))) {
          j++;
        }
        int[] o = open.remove(v.substring(i, j));
        if (o != null) {
          spans.add(new int[] {o[0], tok, o[1]});
        }
        i = j + 1;
      } else {
        i++;
      }
    }
  }

  private static int gumType(String t) {
    return switch (t) {
      case "person" -> EntityType.PERSON.ordinal();
      case "organization" -> EntityType.ORGANIZATION.ordinal();
      case "place" -> EntityType.PLACE.ordinal();
      default -> -1;
    };
  }

  private static List<Gold> names(List<Tok> toks, List<int[]> spans) {
    List<int[]> named = new ArrayList<>();
    for (int[] s : spans) {
      if (s[2] < 0) {
        continue;
      }
      int partStart = s[0];
      for (int k = s[0]; k <= s[1] + 1; k++) {
        if (k == s[1] + 1 || toks.get(k).upos().equals(",")) {
          int[] part = namePart(toks, partStart, k - 1);
          if (part != null) {
            named.add(new int[] {part[0], part[1], s[2]});
          }
          partStart = k + 1;
        }
      }
    }
    return outermost(toks, named);
  }

  /** Tokens {@code [a, b]} trimmed to their outer proper nouns, if all between are name words. */
  private static int[] namePart(List<Tok> toks, int a, int b) {
    while (a <= b && !PROPER.contains(toks.get(a).upos())) {
      a++;
    }
    while (b >= a && !PROPER.contains(toks.get(b).upos())) {
      b--;
    }
    if (a > b) {
      return null;
    }
    for (int k = a; k <= b; k++) {
      if (!NAME_INNER.contains(toks.get(k).upos())) {
        return null;
      }
    }
    return new int[] {a, b};
  }

  private static List<Gold> outermost(List<Tok> toks, List<int[]> named) {
    List<Gold> out = new ArrayList<>();
    for (int[] s : named) {
      boolean inner =
          named.stream()
              .anyMatch(o -> o != s && o[0] <= s[0] && o[1] >= s[1] && (o[1] - o[0] > s[1] - s[0]));
      Gold g = new Gold(toks.get(s[0]).start(), toks.get(s[1]).end(), EntityType.values()[s[2]]);
      if (!inner && !out.contains(g)) {
        out.add(g);
      }
    }
    return out;
  }
}
