package org.dateline.bench;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.dateline.index.NewsAnalyzer;
import org.dateline.index.Schema;

/**
 * Issue 18: how Chinese, Japanese and Korean text is cut into words, measured three ways for three
 * chains: Dateline's (ICU's dictionary word breaker for Chinese and Japanese, white space for
 * Korean), CJK bigrams (Lucene's stock {@link CJKAnalyzer}, as Solr's text_cjk) and the language's
 * own analyser (SmartChinese, Kuromoji, Nori, their defaults).
 *
 * <ol>
 *   <li>Judged words: short sentences written for this ({@code bench/segmentation/articles.tsv}),
 *       several holding a query's characters across a word boundary (南京市长江大桥 holds 市长), and the
 *       words a reader types, judged by hand ({@code queries.tsv}): recall and false matches.
 *   <li>Corpus words: every word of two letters or more that one of the dictionary analysers cuts
 *       from the shared corpus's Chinese, Japanese and Korean articles, searched in those articles;
 *       an article holding the word's letters counts as holding the word (this favours bigrams,
 *       which find any run of letters: the false matches are what the judged words measure).
 *   <li>Cost: index bytes of those articles and CPU time per MB of text analysed.
 * </ol>
 *
 * Queries are Lucene's {@link org.apache.lucene.util.QueryBuilder} phrase of the word, the same for
 * every chain. Run by {@code bench/cjk-segmentation.sh} (the languages' own analysers are
 * test-scoped: not in the product).
 */
public final class SegmentationBench {

  private static final List<String> LANGUAGES = List.of("zh", "ja", "ko");
  private static final int SPEED_ROUNDS = 20;
  private static final String BIGRAMS = "CJK bigrams";
  private static final String DATELINE = "Dateline";

  private SegmentationBench() {}

  /** Arguments: the index of the corpus folders, the bench/segmentation folder. */
  public static void main(String[] args) throws IOException {
    Map<String, List<SegmentedText>> corpus = corpusTexts(Path.of(args[0]));
    Path folder = Path.of(args[1]);
    Map<String, List<SegmentedText>> judgedTexts = new LinkedHashMap<>();
    for (String[] row : rows(folder.resolve("articles.tsv"))) {
      judgedTexts
          .computeIfAbsent(row[1], k -> new ArrayList<>())
          .add(new SegmentedText(row[0], row[2]));
    }
    List<String[]> queries = rows(folder.resolve("queries.tsv"));
    System.out.printf(
        Locale.ROOT,
        "corpus articles: %s%n",
        corpus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());
    System.out.println(
        "| language | chain | judged: words found | judged: false matches | corpus: words | corpus:"
            + " article-word pairs found | index bytes | CPU ms per MB |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (String language : LANGUAGES) {
      Map<String, Analyzer[]> chains = chains(language);
      Set<String> corpusWords = dictionaryWords(chains, corpus.getOrDefault(language, List.of()));
      for (Map.Entry<String, Analyzer[]> chain : chains.entrySet()) {
        Analyzer index = chain.getValue()[0];
        Analyzer query = chain.getValue()[1];
        SegmentationIndex judged = new SegmentationIndex(index, query, judgedTexts.get(language));
        Judged j = judge(judged, queries, language);
        List<SegmentedText> texts = corpus.getOrDefault(language, List.of());
        SegmentationIndex whole = new SegmentationIndex(index, query, texts);
        long[] pairs = corpusPairs(whole, texts, corpusWords);
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %d of %d%s | %d%s | %d | %d of %d (%.3f) | %,d | %.0f |%n",
            language,
            chain.getKey(),
            j.found,
            j.relevant,
            j.missed.isEmpty() ? "" : " (missed " + String.join(", ", j.missed) + ")",
            j.falseMatches.size(),
            j.falseMatches.isEmpty() ? "" : " (" + String.join(", ", j.falseMatches) + ")",
            corpusWords.size(),
            pairs[0],
            pairs[1],
            pairs[1] == 0 ? 0.0 : (double) pairs[0] / pairs[1],
            whole.bytes(),
            cpuMsPerMb(index, texts));
        judged.close();
        whole.close();
      }
    }
  }

  /** The chains compared: name -> {index analyzer, query analyzer}. */
  private static Map<String, Analyzer[]> chains(String language) {
    Map<String, Analyzer[]> out = new LinkedHashMap<>();
    out.put(
        DATELINE + ", schema " + Schema.VERSION,
        new Analyzer[] {NewsAnalyzer.forIndexing(), NewsAnalyzer.forQuerying()});
    Analyzer bigrams = new CJKAnalyzer(CharArraySet.EMPTY_SET);
    out.put("CJK bigrams (CJKAnalyzer)", new Analyzer[] {bigrams, bigrams});
    out.put(
        "CJK bigrams, single letters indexed too",
        new Analyzer[] {new BigramChain(true), new BigramChain(false)});
    Analyzer own =
        switch (language) {
          case "zh" -> new SmartChineseAnalyzer();
          case "ja" -> new JapaneseAnalyzer();
          default -> new KoreanAnalyzer();
        };
    String name =
        switch (language) {
          case "zh" -> "SmartChinese";
          case "ja" -> "Kuromoji (JapaneseAnalyzer)";
          default -> "Nori (KoreanAnalyzer)";
        };
    out.put(name, new Analyzer[] {own, own});
    return out;
  }

  /** Hand-judged queries of one language against the judged sentences. */
  private static Judged judge(SegmentationIndex index, List<String[]> queries, String language)
      throws IOException {
    Judged j = new Judged();
    for (String[] q : queries) {
      if (!q[0].equals(language)) {
        continue;
      }
      Set<String> relevant = q[2].equals("-") ? Set.of() : Set.of(q[2].split(","));
      Set<String> found = index.find(q[1]);
      for (String id : relevant) {
        j.relevant++;
        if (found.contains(id)) {
          j.found++;
        } else {
          j.missed.add(q[1] + " in " + id);
        }
      }
      for (String id : found) {
        if (!relevant.contains(id)) {
          j.falseMatches.add(q[1] + " in " + id);
        }
      }
    }
    return j;
  }

  /** Counts of a chain on the judged words. */
  private static final class Judged {
    int relevant;
    int found;
    final List<String> missed = new ArrayList<>();
    final List<String> falseMatches = new ArrayList<>();
  }

  /** {found, relevant} article-word pairs: each word searched, each article holding its letters. */
  private static long[] corpusPairs(
      SegmentationIndex index, List<SegmentedText> texts, Set<String> words) throws IOException {
    long found = 0;
    long relevant = 0;
    for (String word : words) {
      Set<String> hits = index.find(word);
      for (SegmentedText t : texts) {
        if (t.text().contains(word)) {
          relevant++;
          if (hits.contains(t.id())) {
            found++;
          }
        }
      }
    }
    return new long[] {found, relevant};
  }

  /**
   * Words of two letters or more, all of CJK scripts, that ICU's dictionary word breaker or the
   * language's own analyser cuts from the texts.
   */
  private static Set<String> dictionaryWords(
      Map<String, Analyzer[]> chains, List<SegmentedText> texts) throws IOException {
    Set<String> words = new TreeSet<>();
    for (Map.Entry<String, Analyzer[]> named : chains.entrySet()) {
      if (named.getKey().startsWith(BIGRAMS) || named.getKey().startsWith(DATELINE)) {
        continue; // pairs of letters are no words; ICU's dictionary words are taken below
      }
      Analyzer[] chain = named.getValue();
      for (SegmentedText t : texts) {
        try (TokenStream ts = chain[0].tokenStream(Schema.BODY, t.text())) {
          OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            String surface = t.text().substring(offsets.startOffset(), offsets.endOffset());
            if (surface.codePointCount(0, surface.length()) >= 2 && allCjk(surface)) {
              words.add(surface);
            }
          }
          ts.end();
        }
      }
    }
    for (SegmentedText t : texts) {
      BreakIterator icu = BreakIterator.getWordInstance(ULocale.ROOT);
      icu.setText(t.text());
      for (int start = icu.first(), end = icu.next();
          end != BreakIterator.DONE;
          start = end, end = icu.next()) {
        String surface = t.text().substring(start, end);
        if (surface.codePointCount(0, surface.length()) >= 2 && allCjk(surface)) {
          words.add(surface);
        }
      }
    }
    return words;
  }

  private static boolean allCjk(String s) {
    return s.codePoints()
        .allMatch(
            cp ->
                switch (Character.UnicodeScript.of(cp)) {
                  case HAN, HIRAGANA, KATAKANA, HANGUL -> true;
                  default -> false;
                });
  }

  /** CPU milliseconds this thread spends analysing a MB (UTF-16 chars / 2^20) of the texts. */
  private static double cpuMsPerMb(Analyzer analyzer, List<SegmentedText> texts)
      throws IOException {
    for (int round = 0; round < 3; round++) {
      cut(analyzer, texts); // warm-up
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startNs = threads.getCurrentThreadCpuTime();
    long chars = 0;
    for (int round = 0; round < SPEED_ROUNDS; round++) {
      chars += cut(analyzer, texts);
    }
    long cpuNs = threads.getCurrentThreadCpuTime() - startNs;
    return chars == 0 ? 0 : cpuNs / 1e6 / (chars / (double) (1 << 20));
  }

  /** Runs every text through the analyzer; the characters cut. */
  private static long cut(Analyzer analyzer, List<SegmentedText> texts) throws IOException {
    long chars = 0;
    for (SegmentedText t : texts) {
      try (TokenStream ts = analyzer.tokenStream(Schema.BODY, t.text())) {
        ts.reset();
        while (ts.incrementToken()) {
          // only the cutting is timed
        }
        ts.end();
      }
      chars += t.text().length();
    }
    return chars;
  }

  /** Chinese, Japanese and Korean articles of the index: title and text, by language. */
  private static Map<String, List<SegmentedText>> corpusTexts(Path indexPath) throws IOException {
    Map<String, List<SegmentedText>> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexPath))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) {
            continue;
          }
          Article a = Schema.toArticle(stored.document(doc));
          String text = (a.title() == null ? "" : a.title()) + "\n" + a.text();
          if (a.language() != null && LANGUAGES.contains(a.language()) && seen.add(text)) {
            out.computeIfAbsent(a.language(), k -> new ArrayList<>())
                .add(new SegmentedText(a.id(), text));
          }
        }
      }
    }
    return out;
  }

  private static List<String[]> rows(Path file) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line.split("\t"));
      }
    }
    return out;
  }
}
