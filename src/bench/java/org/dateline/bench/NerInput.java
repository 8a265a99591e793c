package org.dateline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dateline.config.Config;
import org.dateline.enrich.Enricher;
import org.dateline.enrich.entities.EntityExtractor;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.enrich.entities.Recognition;
import org.dateline.ingest.FileParser;
import org.dateline.ingest.ParseException;
import org.dateline.ingest.ParseRouter;
import org.dateline.ingest.SourceDoc;

/**
 * What the entity recogniser is given during ingest, and what it costs: the exact texts the
 * enricher hands it (parsed, promo lines stripped, captions blanked), how many tokens and sentences
 * those are, and the recogniser's CPU time per 1,000 articles on one thread. CPU time of the
 * measuring thread is what one free core would take, whatever else the machine runs.
 */
public final class NerInput {

  /** The texts and their size as the recogniser reads them. */
  public record Texts(List<String> texts, long chars, long tokens, long sentences) {}

  /** One timed pass: CPU seconds per 1,000 articles, and articles whose mentions differ. */
  public record Pass(String recogniser, int articles, double cpuSecondsPer1000, long differing) {}

  private NerInput() {}

  /** The texts the recogniser is given for the articles in {@code files}, in file order. */
  public static Texts texts(List<Path> roots, NerExtractor ner) throws IOException {
    List<String> texts = new ArrayList<>();
    EntityExtractor capture =
        new EntityExtractor() {
          @Override
          public List<Mention> extract(String text) {
            return recognise(text).mentions();
          }

          @Override
          public Recognition recognise(String text) {
            texts.add(text);
            return new Recognition(List.of(), null);
          }
        };
    Enricher enricher = Enricher.standard(capture);
    FileParser parser = ParseRouter.parser(Config.defaults());
    for (Path file : files(roots)) {
      try {
        for (SourceDoc doc : parser.parse(file)) {
          enricher.enrich(file.toString(), doc, null);
        }
      } catch (ParseException e) {
        throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
      }
    }
    long chars = 0;
    long tokens = 0;
    long sentences = 0;
    for (String t : texts) {
      chars += t.length();
      NerExtractor.TokenCount c = ner.tokens(t);
      tokens += c.tokens();
      sentences += c.sentences();
    }
    return new Texts(texts, chars, tokens, sentences);
  }

  private static List<Path> files(List<Path> roots) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(Files::isRegularFile).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /**
   * Recognises every text once on this thread with {@code ner}; counts the articles whose
   * recognition differs from {@code expected}'s (null: none compared).
   */
  public static Pass time(
      String name,
      NerExtractor ner,
      List<String> texts,
      List<Recognition> expected,
      List<Recognition> out) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    for (String t : texts) {
      out.add(ner.recognise(t));
    }
    long cpuNanos = mx.getCurrentThreadCpuTime() - t0;
    long differing = 0;
    if (expected != null) {
      for (int i = 0; i < texts.size(); i++) {
        differing += expected.get(i).equals(out.get(i)) ? 0 : 1;
      }
    }
    return new Pass(
        name, texts.size(), cpuNanos / 1e9 * 1000 / Math.max(1, texts.size()), differing);
  }
}
