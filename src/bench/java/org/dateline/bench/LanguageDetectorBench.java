package org.dateline.bench;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.ingest.LanguageGuesser;

/**
 * Issue 18: language detectors compared on texts whose language is known. Gold texts: the articles
 * of an index whose language their source declared (a feed's channel language, a NewsML item's
 * xml:lang, a page's html lang; at most {@link #PER_LANGUAGE} per language, in index order), each
 * as its headline (short) and its text (long, the first {@value #SAMPLE_CHARS} characters, as
 * Dateline detects), and the short articles written for the language tests. Detectors: Dateline's
 * (Optimaize 0.6 as {@link LanguageGuesser} uses it: no answer below probability 0.9), Optimaize's
 * top answer whatever its probability, Apache OpenNLP's language detector with the model Tika 3
 * ships, and Lingua 1.2 (all languages, its own "unknown" when unsure). Accuracy counts a missing
 * answer as wrong. Speed: mean microseconds per long text after a warm-up pass, single-threaded.
 * Run by {@code bench/language-detectors.sh} (the candidates are test-scoped: not in the product).
 */
public final class LanguageDetectorBench {

  static final int PER_LANGUAGE = 100;
  static final int SAMPLE_CHARS = 2000;

  /** One text of known language. */
  record Gold(String language, String kind, String text) {}

  private LanguageDetectorBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: LanguageDetectorBench INDEX ARTICLES_TSV");
      System.exit(2);
    }
    List<Gold> gold = new ArrayList<>(fromIndex(Path.of(args[0])));
    gold.addAll(fromFixtures(Path.of(args[1])));
    Map<String, UnaryOperator<String>> detectors = new java.util.LinkedHashMap<>();
    detectors.put("optimaize 0.6, p > 0.9 (Dateline now)", LanguageGuesser::guess);
    detectors.put("optimaize 0.6, top answer", optimaizeTop());
    detectors.put("opennlp 2.x, Tika 3 model", openNlp());
    detectors.put("lingua 1.2.2", lingua());
    Map<String, Long> counts = new TreeMap<>();
    gold.forEach(g -> counts.merge(g.kind() + " " + g.language(), 1L, Long::sum));
    System.out.println("gold texts by kind and language: " + counts);
    System.out.println("| detector | headlines | texts | test sentences | µs per text |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<String, UnaryOperator<String>> d : detectors.entrySet()) {
      System.out.println(row(d.getKey(), d.getValue(), gold));
    }
  }

  private static String row(String name, UnaryOperator<String> detector, List<Gold> gold) {
    Map<String, int[]> byKind = new TreeMap<>(); // kind -> {right, all}
    Map<String, Integer> wrong = new TreeMap<>();
    for (Gold g : gold) {
      String said = detector.apply(g.text());
      int[] c = byKind.computeIfAbsent(g.kind(), k -> new int[2]);
      c[1]++;
      if (g.language().equals(said)) {
        c[0]++;
      } else {
        wrong.merge(g.language() + "->" + said, 1, Integer::sum);
      }
    }
    List<String> texts =
        gold.stream().filter(g -> g.kind().equals("text")).map(Gold::text).toList();
    long start = System.nanoTime();
    int rounds = 3;
    for (int r = 0; r < rounds; r++) {
      texts.forEach(detector::apply);
    }
    double micros = (System.nanoTime() - start) / 1e3 / rounds / Math.max(1, texts.size());
    System.out.println(name + " wrong: " + wrong);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %.0f |",
        name,
        share(byKind.get("headline")),
        share(byKind.get("text")),
        share(byKind.get("sentence")),
        micros);
  }

  private static String share(int[] c) {
    return c == null
        ? "-"
        : String.format(Locale.ROOT, "%.3f (%d/%d)", c[0] / (double) c[1], c[0], c[1]);
  }

  /** Articles whose source declared their language, headline and text apart. */
  static List<Gold> fromIndex(Path index) throws IOException {
    List<Gold> out = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Article a = Schema.toArticle(stored.document(doc));
          String from = a.provenance().get("language");
          if (a.language() == null || "detected from text".equals(from)) {
            continue;
          }
          if (taken.merge(a.language(), 1, Integer::sum) > PER_LANGUAGE) {
            continue;
          }
          if (a.title() != null && !a.title().isBlank()) {
            out.add(new Gold(a.language(), "headline", a.title()));
          }
          String text = a.text();
          out.add(
              new Gold(
                  a.language(),
                  "text",
                  text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text));
        }
      }
    }
    return out;
  }

  /** The short articles of the language tests: "language TAB probe TAB words TAB text". */
  static List<Gold> fromFixtures(Path tsv) throws IOException {
    List<Gold> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      out.add(new Gold(cols[0], "sentence", cols[3]));
    }
    return out;
  }

  private static UnaryOperator<String> optimaizeTop() {
    LanguageDetector detector;
    try {
      detector =
          com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard())
              .shortTextAlgorithm(0)
              .withProfiles(new LanguageProfileReader().readAllBuiltIn())
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text -> {
      List<DetectedLanguage> found = detector.getProbabilities(text);
      return found.isEmpty()
          ? null
          : LanguageGuesser.normalize(found.get(0).getLocale().getLanguage());
    };
  }

  private static UnaryOperator<String> openNlp() {
    LanguageDetectorME detector;
    try (InputStream in =
        LanguageDetectorBench.class.getResourceAsStream("/opennlp-langdetect-20210413.bin")) {
      if (in == null) {
        throw new IOException("the OpenNLP model is not on the class path");
      }
      detector = new LanguageDetectorME(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text -> toTwoLetters(detector.predictLanguage(text).getLang());
  }

  private static UnaryOperator<String> lingua() {
    com.github.pemistahl.lingua.api.LanguageDetector detector =
        LanguageDetectorBuilder.fromAllLanguages().build();
    return text -> {
      Language l = detector.detectLanguageOf(text);
      return l == Language.UNKNOWN ? null : l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    };
  }

  /** ISO 639-3 individual languages that OpenNLP names, mapped to their macrolanguage's code. */
  private static final Map<String, String> MACRO =
      Map.of(
          "cmn", "zh", "pes", "fa", "zsm", "ms", "lvs", "lv", "ekk", "et", "arb", "ar", "swh", "sw",
          "uzn", "uz", "azj", "az", "khk", "mn");

  private static final Map<String, String> THREE_TO_TWO = threeToTwo();

  private static Map<String, String> threeToTwo() {
    Map<String, String> out = new HashMap<>(MACRO);
    for (String two : Locale.getISOLanguages()) {
      out.putIfAbsent(Locale.of(two).getISO3Language(), two);
    }
    return Map.copyOf(out);
  }

  /** "deu" is "de"; a script or romanisation after the code ("zho-simp", "ben-rom") is dropped. */
  static String toTwoLetters(String three) {
    if (three == null) {
      return null;
    }
    int dash = three.indexOf('-');
    String code = dash < 0 ? three : three.substring(0, dash);
    return THREE_TO_TWO.getOrDefault(code, code);
  }
}
