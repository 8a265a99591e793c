package org.dateline.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** House-style variants fold to one form, in the story words of both houses' prints. */
class HouseStyleTest {

  @Test
  void agencyAbbreviationsAndTheirSpelledOutFormsAreOneWord() {
    List<String> wire = StoryText.words("Profits rose 5.5 pct to 12 mln dlrs in the U.S. unit.");
    assertEquals(
        List.of(
            "profits", "rose", "5", "5", "percent", "to", "12", "million", "dlrs", "in", "the",
            "us", "unit"),
        wire);
    assertEquals(wire, StoryText.words("Profits rose 5.5 per cent to $12 million in the US unit."));
    assertEquals(wire, StoryText.words("Profits rose 5.5% to $12m in the US unit."));
    assertEquals(
        wire, StoryText.words("Profits rose 5.5 percent to 12 million dollars in the US unit."));
  }

  @Test
  void numbersAreWrittenOneWay() {
    assertEquals(
        List.of("3", "ships", "waited", "7242117", "shares", "1st", "quarter", "4th", "5", "pm"),
        StoryText.words("Three ships waited; 7,242,117 shares; first qtr; 4th; 5 p.m."));
    assertEquals(
        StoryText.words("three ships waited, 7242117 shares, 1st quarter, fourth, 5pm"),
        StoryText.words("Three ships waited; 7,242,117 shares; first qtr; 4th; 5 p.m."));
  }

  @Test
  void britishAndAmericanSpellingsFoldByRule() {
    assertEquals(
        StoryText.words(
            "The organization will analyze the color of the center's catalog; the defense program"
                + " traveled and labeled its judgment, recognizing behavior and realized labor."),
        StoryText.words(
            "The organisation will analyse the colour of the centre's catalogue; the defence"
                + " programme travelled and labelled its judgement, recognising behaviour and"
                + " realised labour."));
    // Words that only look like a variant stay apart from each other.
    assertEquals(
        List.of("hours", "your", "tour", "flour"), StoryText.words("hours your tour flour"));
    assertEquals(
        List.of("prices", "rise", "as", "banks", "raise", "rates", "wise", "men", "say"),
        StoryText.words("Prices rise as banks raise rates, wise men say."));
  }

  @Test
  void typographyWasNeverAWord() {
    assertEquals(
        StoryText.words("\"It is over,\" he said - and left."),
        StoryText.words("\u201cIt is over,\u201d he said \u2014 and left."));
  }

  @Test
  void theOnePassFoldsGiveThePatternsText() {
    List<String> texts =
        List.of(
            "the U.S. and U.K. said",
            "u.s.a",
            "p.m.5",
            "e.g.x",
            "a.b.cd",
            "x.y.",
            ".u.s.",
            "3u.s.",
            "7,242,117 and 1,2345 and 12,34 and ,123",
            "1,234.5,678");
    for (String t : texts) {
      assertOnePassIsThePattern(t);
    }
    // letters, digits and stops of several scripts and planes: a letter and a digit beyond the BMP
    String alphabet = "aZ.é1٣½,- \n";
    String[] pieces = new String[alphabet.length() + 2];
    for (int i = 0; i < alphabet.length(); i++) {
      pieces[i] = alphabet.substring(i, i + 1);
    }
    pieces[alphabet.length()] = new String(Character.toChars(0x1D400)); // a letter
    pieces[alphabet.length() + 1] = new String(Character.toChars(0x1D7CE)); // a digit
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 300_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = random.nextInt(14); j > 0; j--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = sb.toString();
      assertOnePassIsThePattern(t);
    }
  }

  private static void assertOnePassIsThePattern(String t) {
    assertEquals(
        HouseStyle.INITIALISM.matcher(t).replaceAll(m -> m.group().replace(".", "")),
        HouseStyle.withoutInitialismStops(t),
        t);
    assertEquals(
        HouseStyle.DIGIT_GROUP.matcher(t).replaceAll(""), HouseStyle.withoutDigitGroups(t), t);
  }
}
