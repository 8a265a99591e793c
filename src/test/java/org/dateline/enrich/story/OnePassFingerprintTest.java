package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dateline.TestIndexes;
import org.dateline.ingest.ReutersSgmlReader;
import org.dateline.ingest.SourceDoc;
import org.junit.jupiter.api.Test;

/**
 * The cheaper forms of the fingerprint's steps (session 15) give exactly what the plain forms gave,
 * on a thousand Reuters stories and 200 BBC ones (British spelling), so no MinHash value, stored
 * field or join moves: the masked shingles taken from the words' hashes, the sorted distinct
 * shingles, a line's word count without a normalised copy, the spelling rules tried only on the
 * endings they need, and the names read when first asked from the text alone.
 */
class OnePassFingerprintTest {

  /** Text, title pairs: Reuters' reut2-003, the first 200 BBC business stories, odd lines. */
  private static List<String[]> texts() throws IOException {
    List<String[]> out = new ArrayList<>();
    Path sgm = TestIndexes.sharedOrSkip("reuters21578", "sgm/reut2-003.sgm");
    for (SourceDoc d : ReutersSgmlReader.read(Files.readString(sgm, StandardCharsets.ISO_8859_1))) {
      out.add(new String[] {d.title(), d.text()});
    }
    Path bbc = TestIndexes.sharedOrSkip("bbc-news", "business");
    try (Stream<Path> files = Files.list(bbc)) {
      for (Path f : files.sorted().limit(200).toList()) {
        String t = Files.readString(f, StandardCharsets.ISO_8859_1);
        int nl = t.indexOf('\n');
        out.add(new String[] {t.substring(0, Math.max(0, nl)), t.substring(nl + 1)});
      }
    }
    out.add(
        new String[] {
          "Café",
          "Oﬃce １２ ÉCOLE one two\nZürich Straße a b c\nthe école\ta b c d e\n"
              + "Ａ Ｂ Ｃ Ｄ\nnaïve words of a line\n"
              + "The organised programme was cancelled, the defence said on Monday. ".repeat(12)
        });
    return out;
  }

  @Test
  void theFingerprintsShinglesAreThoseOfItsWords() throws IOException {
    int comparable = 0;
    int numbersMaskedDiffer = 0;
    for (String[] t : texts()) {
      Fingerprint fp = Fingerprint.of(t[0], t[1]);
      if (!fp.comparable()) {
        continue;
      }
      comparable++;
      List<String> words = StoryText.words(t[1]);
      long[] inOrder = Fingerprint.inOrder(words);
      assertArrayEquals(inOrder, fp.inOrder(), t[0]);
      assertArrayEquals(Arrays.stream(inOrder).sorted().distinct().toArray(), fp.shingles(), t[0]);
      long[] masked = Fingerprint.shingles(Fingerprint.masked(words));
      assertArrayEquals(masked, fp.numbersMasked(), t[0]);
      numbersMaskedDiffer += Arrays.equals(masked, fp.shingles()) ? 0 : 1;
    }
    assertTrue(comparable > 500, "long texts: " + comparable);
    assertTrue(numbersMaskedDiffer > 300, "texts with numbers: " + numbersMaskedDiffer);
  }

  @Test
  void aLinesWordCountIsThatOfItsNormalisedWords() throws IOException {
    int lines = 0;
    int shortOnes = 0;
    for (String[] t : texts()) {
      for (String line : t[1].split("\n")) {
        boolean reference = StoryText.lineWords(line).size() < 5;
        assertEquals(reference, StoryText.isShort(line), line);
        lines++;
        shortOnes += reference ? 1 : 0;
      }
    }
    assertTrue(lines > 10_000 && shortOnes > 1_000, lines + " lines, short " + shortOnes);
  }

  @Test
  void theSpellingRulesAreTriedOnTheWordsTheyCanMatch() throws IOException {
    List<String> words = new ArrayList<>();
    for (String[] t : texts()) {
      words.addAll(List.of(t[1].toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }
    // each rule's every ending, and words that end alike but are no match
    words.addAll(
        List.of(
            "organise",
            "organises",
            "organised",
            "organising",
            "organisation",
            "organisations",
            "organiser",
            "organisers",
            "analyse",
            "analyses",
            "analysed",
            "analysing",
            "analyser",
            "analysers",
            "colour",
            "colours",
            "coloured",
            "colouring",
            "favourite",
            "favourites",
            "favourable",
            "favourably",
            "colourer",
            "colourers",
            "colourful",
            "centre",
            "centres",
            "sabre",
            "sabres",
            "catalogue",
            "catalogues",
            "defence",
            "defences",
            "travelled",
            "travelling",
            "traveller",
            "travellers",
            "counsellor",
            "counsellors",
            "programme",
            "programmes",
            "judgement",
            "judgements",
            "theatre",
            "tour",
            "hour",
            "there",
            "crisis",
            "ball",
            "balled",
            "fence",
            "amme",
            "xxtre"));
    int folded = 0;
    for (String w : words) {
      String expected = HouseStyle.foldTryingEveryRule(w);
      assertEquals(expected, HouseStyle.fold(w), w);
      folded += expected.equals(w) ? 0 : 1;
    }
    assertTrue(folded > 500, "words folded: " + folded);
  }

  @Test
  void namesReadWhenAskedFromTheTextAloneAreThoseReadFromItsWords() throws IOException {
    int withNames = 0;
    for (String[] t : texts()) {
      Fingerprint kept = Fingerprint.of(t[0], t[1]); // holds the stripped text only
      Fingerprint verifying = Fingerprint.forVerifying(t[0], t[1]); // holds its words too
      assertArrayEquals(verifying.numbers(), kept.numbers(), t[0]);
      assertArrayEquals(verifying.names(), kept.names(), t[0]);
      assertArrayEquals(verifying.vocabulary(), kept.vocabulary(), t[0]);
      withNames += kept.names().length > 0 ? 1 : 0;
    }
    assertTrue(withNames > 300, "texts with names: " + withNames);
  }
}
