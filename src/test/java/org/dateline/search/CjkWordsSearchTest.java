package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dateline.TestIndexes;
import org.dateline.search.kwic.KwicLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese, Japanese and Korean words found inside longer runs of letters (issue 18): the index
 * holds pairs of neighbouring letters and the single letters, so a word is found wherever its
 * letters stand together, whatever a dictionary would have cut there. Articles written for this
 * test (sentences of bench/segmentation/articles.tsv).
 */
class CjkWordsSearchTest {

  @TempDir static Path dir;
  static SearchService search;

  private static final Map<String, String> ARTICLES =
      Map.ofEntries(
          Map.entry("zh1", "南京市长江大桥昨天恢复通车，市民可以步行过江。"),
          Map.entry("zh2", "南京市长昨天在记者会上宣布，长江沿岸将新建三座公园。"),
          Map.entry("zh7", "北京大学的研究人员发表了关于空气污染的新报告。"),
          Map.entry("zh9", "昨晚下了一场大雨，部分道路积水，交通受到影响。"),
          Map.entry("ja1", "東京都知事は記者会見で、新しい防災計画を発表した。"),
          Map.entry("ja3", "外国人参政権をめぐる議論が国会で続いている。"),
          Map.entry("ko1", "대통령의 일정부터 공개하라는 요구가 이어졌다."),
          Map.entry("ko2", "정부는 내년 예산안을 국회에 제출했다."),
          Map.entry("ko3", "서울에서 열린 회의에는 20개국 대표가 참석했다."),
          Map.entry("ko4", "서울시는 지하철 요금을 인상하기로 했다."),
          Map.entry("ja8", "スタートメニューから設定を開くと、画面が切り替わる。"),
          Map.entry("ja9", "夏の暑さでビールの売り上げが伸びた。"));

  @BeforeAll
  static void indexArticles() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (Map.Entry<String, String> a : ARTICLES.entrySet()) {
      Files.writeString(in.resolve(a.getKey() + ".txt"), a.getValue());
      String language = a.getKey().substring(0, 2);
      Files.writeString(
          in.resolve(a.getKey() + ".txt.meta.json"), "{\"language\": \"" + language + "\"}");
    }
    assertEquals(
        ARTICLES.size(), TestIndexes.index(dir.resolve("index"), false, in).articlesWritten());
    search = SearchService.readOnly(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  private static SearchResponse run(String q) throws IOException {
    return search.search(
        new SearchRequest(q, Map.of(), null, null, SortOrder.RELEVANCE, 1, 100, null, 3, 0));
  }

  private static Set<String> found(String q) throws IOException {
    return run(q).hits().stream()
        .map(h -> Path.of(h.path()).getFileName().toString().replace(".txt", ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aWordIsFoundInsideALongerRunOfLetters() throws IOException {
    assertEquals(Set.of("zh7"), found("北京"), "北京 in 北京大学");
    assertEquals(Set.of("zh1", "zh2"), found("南京"), "南京 in 南京市");
    assertEquals(Set.of("ja1"), found("知事"), "知事 in 東京都知事");
    assertEquals(Set.of("ja3"), found("外国人"), "a dictionary cut 外国人参政権 as 外国 / 人参 / 政権");
    assertEquals(Set.of("ja3"), found("参政権"));
  }

  @Test
  void aKoreanWordIsFoundWithItsParticle() throws IOException {
    assertEquals(Set.of("ko3", "ko4"), found("서울"), "서울에서, 서울시는");
    assertEquals(Set.of("ko2"), found("예산"), "예산안을");
    assertEquals(Set.of("ko1"), found("대통령"), "대통령의");
    assertEquals(Set.of("ko3"), found("서울에서"), "the word as printed");
  }

  @Test
  void aWordOfOneLetterIsFound() throws IOException {
    assertEquals(Set.of("zh9"), found("雨"), "雨 in 大雨");
  }

  @Test
  void theLongVowelMarkIsALetter() throws IOException {
    // UTR #30 folding would delete ー: ビール (beer) would be ビル (building), and ー alone nothing.
    assertEquals(Set.of("ja8"), found("スタート"));
    assertEquals(Set.of("ja8", "ja9"), found("ー"));
    assertEquals(Set.of("ja9"), found("ビール"));
    assertEquals(Set.of(), found("ビル"));
  }

  @Test
  void letterPairsAlsoMatchAcrossAWordBoundary() throws IOException {
    // The cost of pairs, measured by bench/cjk-segmentation.sh: 市长 (mayor) also stands in
    // 南京市 / 长江 (the Yangtze bridge of Nanjing), 정부 (government) in 일정 / 부터.
    assertEquals(Set.of("zh1", "zh2"), found("市长"));
    assertEquals(Set.of("ko1", "ko2"), found("정부"));
  }

  @Test
  void phrasesKeepTheirOrderAndKwicMarksTheWordExactly() throws IOException {
    assertEquals(Set.of("zh7"), found("\"北京大学 的\""));
    assertEquals(Set.of(), found("\"大学北京\""), "the letters in another order");
    assertEquals(Set.of("ko4"), found("\"서울시는 지하철\""));
    List<KwicLine> kwic = run("北京").hits().get(0).kwic();
    assertEquals("北京", kwic.get(0).match());
    assertEquals("大学的研究人员发表了关于空气污染的新报告。", kwic.get(0).right().strip());
    List<KwicLine> korean = run("지하철").hits().get(0).kwic();
    assertEquals("지하철", korean.get(0).match());
  }
}
