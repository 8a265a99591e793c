package org.dateline.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.dateline.config.Limits;

/**
 * The statistical recogniser: Stanford CoreNLP's PTB tokenizer and sentence splitter, then its CRF
 * classifier ({@code english.all.3class.distsim}) on each sentence, then {@link StoryPropagation}
 * so a name recognised once in the story is tagged at every other mention. Offsets are character
 * offsets into the text given. Thread-safe: the classifier is read-only after loading and every
 * call works on its own tokens.
 */
public final class NerExtractor implements EntityExtractor {

  /** The model on the class path (copied out of CoreNLP's models jar at build time). */
  public static final String MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  /** Blank lines end a sentence whatever the splitter thinks (headlines, datelines, list items). */
  private static final Pattern BLOCK_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");

  /** In a text with one paragraph a line, every line break ends a sentence. */
  private static final Pattern LINE_BREAK = Pattern.compile("\\n");

  /**
   * A text with a line longer than this writes one paragraph a line (web pages, feeds); a text
   * whose lines are all shorter is hard-wrapped (wire copy at ~70 columns), so only blank lines
   * separate its paragraphs.
   */
  private static final int WRAPPED_LINE_MAX_CHARS = 100;

  /**
   * Longer "sentences" (tables, lists without punctuation) are cut so one bad block stays cheap.
   */
  private static final int MAX_SENTENCE_TOKENS = 200;

  /**
   * Longest run of text handed to the tokenizer at once: a line with no break in it (a 70 MB file
   * of words on one line) is cut at a space before this, so that the tokenizer never holds more
   * than one piece's tokens and the clock is read between pieces.
   */
  static final int MAX_BLOCK_CHARS = 4_000;

  private static volatile NerExtractor shared;

  private final CRFClassifier<CoreLabel> classifier;
  private final SentenceLabels memory;
  private final TokenizerFactory<CoreLabel> tokenizers =
      PTBTokenizer.factory(new CoreLabelTokenFactory(), "invertible=false,untokenizable=noneKeep");

  /**
   * The sentence splitter, one for every text and thread: its settings are final fields and {@code
   * process} keeps its state in locals (CoreNLP 4.5.10), so sharing it gives the sentences a new
   * one would. A new one per text compiled its four patterns each time (issue 20, session 21: 0.4 %
   * of a Reuters ingest's CPU samples).
   */
  private static final WordToSentenceProcessor<CoreLabel> SPLITTER =
      new WordToSentenceProcessor<>();

  private final boolean propagate;
  private final int maxChars;
  private final long timeoutMs;

  private NerExtractor(
      CRFClassifier<CoreLabel> classifier,
      SentenceLabels memory,
      boolean propagate,
      int maxChars,
      long timeoutMs) {
    this.classifier = classifier;
    this.memory = memory;
    this.propagate = propagate;
    this.maxChars = maxChars;
    this.timeoutMs = timeoutMs;
  }

  /** The recogniser, loaded once per JVM (a few seconds, ~300 MB of heap). */
  public static NerExtractor shared() {
    NerExtractor n = shared;
    if (n == null) {
      synchronized (NerExtractor.class) {
        n = shared;
        if (n == null) {
          n =
              new NerExtractor(
                  load(),
                  new SentenceLabels(),
                  true,
                  Limits.DEFAULT_MAX_ENTITY_CHARS,
                  Limits.DEFAULT_ENTITY_TIMEOUT_MS);
          shared = n;
        }
      }
    }
    return n;
  }

  /**
   * CoreNLP's classifier as it comes, loaded afresh: its own feature index and word function, no
   * memory of sentences. Slower; for benchmarks that check the faster recogniser gives the same
   * mentions ({@code dateline bench ner-input --compare}).
   */
  public static NerExtractor stock() {
    return new NerExtractor(
        loadStock(),
        new SentenceLabels(0),
        true,
        Limits.DEFAULT_MAX_ENTITY_CHARS,
        Limits.DEFAULT_ENTITY_TIMEOUT_MS);
  }

  /**
   * How many tokens the recogniser reads in {@code stored} (within its character bound), in how
   * many sentences: what its cost is proportional to.
   */
  public TokenCount tokens(String stored) {
    String text = WrappedText.unwrap(stored);
    String scope = text.length() <= maxChars ? text : text.substring(0, cutBefore(text, maxChars));
    List<List<CoreLabel>> sentences = sentences(scope);
    long tokens = 0;
    for (List<CoreLabel> s : sentences) {
      tokens += s.size();
    }
    return new TokenCount(tokens, sentences.size());
  }

  /** Tokens and sentences the recogniser reads in one text. */
  public record TokenCount(long tokens, int sentences) {}

  /** The same model without story propagation (to measure what propagation adds). */
  public NerExtractor withoutPropagation() {
    return new NerExtractor(classifier, memory, false, maxChars, timeoutMs);
  }

  /**
   * The same model reading at most {@code maxChars} of a text, for at most {@code timeoutMs} (what
   * is left unread is noted on the article, see {@link #recognise}).
   */
  public NerExtractor within(int maxChars, long timeoutMs) {
    return new NerExtractor(classifier, memory, propagate, maxChars, timeoutMs);
  }

  private static CRFClassifier<CoreLabel> load() {
    return CrfLookups.faster(loadStock());
  }

  private static CRFClassifier<CoreLabel> loadStock() {
    try (InputStream raw = NerExtractor.class.getClassLoader().getResourceAsStream(MODEL)) {
      if (raw == null) {
        throw new IllegalStateException(
            "the NER model "
                + MODEL
                + " is not on the class path;"
                + " rebuild with ./dateline build (Maven copies it out of CoreNLP's models jar)");
      }
      return CRFClassifier.getClassifier(new GZIPInputStream(raw, 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the NER model " + MODEL, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the NER model does not match the CoreNLP version", e);
    }
  }

  @Override
  public List<Mention> extract(String text) {
    return recognise(text).mentions();
  }

  /**
   * The mentions in the first {@code maxChars} of {@code text}, found within {@code timeoutMs};
   * when either bound stops it short, the note says how far it read and which bound it hit.
   */
  @Override
  public Recognition recognise(String stored) {
    // Wrapped lines joined with spaces: same length, so offsets still point into the stored text.
    String text = WrappedText.unwrap(stored);
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    String scope = text.length() <= maxChars ? text : text.substring(0, cutBefore(text, maxChars));
    Tokens tokens = sentences(scope, deadline);
    List<List<CoreLabel>> sentences = tokens.sentences();
    List<StoryPropagation.Span> spans = new ArrayList<>();
    int s = 0;
    for (; s < sentences.size() && System.nanoTime() - deadline < 0; s++) {
      List<CoreLabel> words = sentences.get(s);
      // classifySentence labels fresh copies of the words (with the shapes the model needs), in
      // order; a sentence labelled before is not labelled again
      spans.addAll(labelRuns(text, s, words, memory.labels(words, classifier::classifySentence)));
    }
    boolean timedOut = !tokens.complete() || s < sentences.size();
    sentences = sentences.subList(0, s);
    int read = sentences.isEmpty() ? 0 : sentences.getLast().getLast().endPosition();
    String note =
        timedOut
            ? String.format(
                Locale.ROOT,
                "timed out after %d ms (entity_timeout_ms,"
                    + " --entity-timeout-ms): recognised in the first %d of %d characters",
                timeoutMs,
                read,
                text.length())
            : scope.length() < text.length()
                ? String.format(
                    Locale.ROOT,
                    "too large: recognised in the first %d of %d characters"
                        + " (max_entity_chars, --max-entity-chars)",
                    scope.length(),
                    text.length())
                : null;
    return new Recognition(mentions(text, sentences, spans), note);
  }

  private List<Mention> mentions(
      String text, List<List<CoreLabel>> sentences, List<StoryPropagation.Span> spans) {
    if (propagate) {
      spans = StoryPropagation.apply(sentences, spans);
    }
    List<Mention> out = new ArrayList<>(spans.size());
    for (StoryPropagation.Span span : spans) {
      List<CoreLabel> tokens = sentences.get(span.sentence());
      int start = tokens.get(span.from()).beginPosition();
      int end = tokens.get(span.to() - 1).endPosition();
      out.add(new Mention(text.substring(start, end), span.type(), start, end, null));
    }
    return out;
  }

  /** Tokens with offsets into {@code text}, grouped into sentences. */
  List<List<CoreLabel>> sentences(String text) {
    return sentences(text, Long.MAX_VALUE).sentences();
  }

  /**
   * Tokens with offsets into {@code text}, grouped into sentences, as far as the text goes or until
   * {@code deadline} ({@link System#nanoTime()}; {@code Long.MAX_VALUE}: none) has passed.
   */
  private Tokens sentences(String text, long deadline) {
    List<List<CoreLabel>> out = new ArrayList<>();
    Matcher m = (hardWrapped(text) ? BLOCK_BREAK : LINE_BREAK).matcher(text);
    int blockStart = 0;
    int found = -1; // where the next break starts, found once however many pieces precede it
    int breakEnd = -1;
    while (blockStart < text.length()) {
      if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
        return new Tokens(out, false);
      }
      if (found < blockStart) {
        found = m.find(blockStart) ? m.start() : text.length();
        breakEnd = found == text.length() ? found : m.end();
      }
      // An overlong block is taken a piece at a time; the rest is the next block.
      int blockEnd =
          found - blockStart > MAX_BLOCK_CHARS
              ? blockStart
                  + cutBefore(
                      text.substring(blockStart, blockStart + MAX_BLOCK_CHARS + 1), MAX_BLOCK_CHARS)
              : found;
      if (blockEnd > blockStart) {
        String block = text.substring(blockStart, blockEnd);
        List<CoreLabel> tokens = tokenizers.getTokenizer(new StringReader(block)).tokenize();
        for (CoreLabel t : tokens) {
          t.setBeginPosition(t.beginPosition() + blockStart);
          t.setEndPosition(t.endPosition() + blockStart);
        }
        for (List<CoreLabel> sentence : SPLITTER.process(tokens)) {
          for (int i = 0; i < sentence.size(); i += MAX_SENTENCE_TOKENS) {
            out.add(
                new ArrayList<>(
                    sentence.subList(i, Math.min(sentence.size(), i + MAX_SENTENCE_TOKENS))));
          }
        }
      }
      blockStart = blockEnd < found ? blockEnd : breakEnd;
    }
    return new Tokens(out, true);
  }

  /** Sentences of tokens, and whether they reach the end of the text (no deadline cut them). */
  private record Tokens(List<List<CoreLabel>> sentences, boolean complete) {}

  /**
   * Where to cut {@code text} to at most {@code max} characters: after the last whitespace in the
   * second half of that span, or at {@code max} itself when there is none (one endless word).
   */
  static int cutBefore(String text, int max) {
    for (int i = max; i > max / 2; i--) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
  }

  private static boolean hardWrapped(String text) {
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - lineStart > WRAPPED_LINE_MAX_CHARS) {
          return false;
        }
        lineStart = i + 1;
      }
    }
    return true;
  }

  /**
   * Runs of tokens with the same entity label (the 3-class model labels IO, not BIO); a line break
   * ends a run, since a name never continues onto the next line of a page ("Philippines / Read").
   */
  private static List<StoryPropagation.Span> labelRuns(
      String text, int sentence, List<CoreLabel> tokens, List<String> labels) {
    List<StoryPropagation.Span> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      EntityType type = typeOf(labels.get(i));
      if (type == null) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()
          && type == typeOf(labels.get(j))
          && text.indexOf('\n', tokens.get(j - 1).endPosition(), tokens.get(j).beginPosition())
              < 0) {
        j++;
      }
      out.add(new StoryPropagation.Span(sentence, i, j, type));
      i = j;
    }
    return out;
  }

  static EntityType typeOf(String label) {
    if (label == null) {
      return null;
    }
    return switch (label) {
      case "PERSON", "PER" -> EntityType.PERSON;
      case "ORGANIZATION", "ORG" -> EntityType.ORGANIZATION;
      case "LOCATION", "LOC" -> EntityType.PLACE;
      default -> null;
    };
  }
}
