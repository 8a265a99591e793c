package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dateline.ingest.ReutersSgmlReader;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The join rule on the Reuters-21578 pairs whose amounts differ (docs/figures-issue-16.md, session
 * 11 and 12), read from the shared corpus (skipped without it): four copies an amounts test that
 * asks for every amount in digits took out, seven frames filled twice or running reports it must
 * keep out, and the recurring reports of the labelled set.
 */
class ReutersAmountsTest {

  private static final Map<String, SourceDoc> DOCS = new HashMap<>();

  @BeforeAll
  static void read() throws IOException {
    Path sgm =
        Path.of(
            System.getProperty("dateline.shared", "../shared"), "corpus", "reuters21578", "sgm");
    assumeTrue(Files.isDirectory(sgm), "Reuters-21578 is not here");
    try (Stream<Path> files = Files.list(sgm)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sgm")).sorted().toList()) {
        for (SourceDoc d :
            ReutersSgmlReader.read(Files.readString(f, StandardCharsets.ISO_8859_1))) {
          DOCS.put(d.itemKey(), d);
        }
      }
    }
  }

  private static boolean copies(String a, String b) {
    SourceDoc x = DOCS.get(a);
    SourceDoc y = DOCS.get(b);
    Fingerprint fx = Fingerprint.of(x.title(), x.text());
    Fingerprint fy = Fingerprint.of(y.title(), y.text());
    return CopyRule.copies(fx, fy, Overlap.of(fx, fy));
  }

  private static List<String> joined(String... pairs) {
    List<String> out = new ArrayList<>();
    for (String p : pairs) {
      String[] ab = p.split("/");
      if (copies(ab[0], ab[1])) {
        out.add(p);
      }
    }
    return out;
  }

  @Test
  void theFourCopiesJoin() {
    // an amount rounded (twice), an update that cut a paragraph, a time in another form
    List<String> pairs = List.of("1284/1288", "2040/2051", "5143/5268", "21338/21341");
    assertEquals(pairs, joined(pairs.toArray(String[]::new)));
  }

  @Test
  void theSevenFramesFilledTwiceStayOut() {
    assertEquals(
        List.of(),
        joined(
            "3573/4167",
            "6854/6857",
            "14268/14450",
            "6302/6828",
            "6307/6308",
            "13359/13405",
            "6046/7207"));
  }

  @Test
  void recurringReportsFilledWithANumberInWordsOrADecimalStayOut() {
    // The Fed's daily repurchase item ("two billion" one day, "1.5 billion" the next) masks whole
    // since a decimal is one number; two rate tables whose rates did not move and a rainfall table
    // whose figures read "nil" do not differ in their numbers, and still join (labelled not).
    assertEquals(
        List.of("13550/14218", "13456/14218", "13834/15540"),
        joined("13550/14218", "13456/14218", "10864/11425", "6046/7769", "13834/15540"));
  }
}
