package org.dateline.enrich.entities;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words written around a mention say about it, whatever the model thought. A photo credit
 * ("Photograph: Chris McGrath/Getty Images", "[DAPHNE BENOIT/AFP/Getty Images]", "REUTERS/Ahmed
 * Jadallah") names who took a picture, not who is in the story: no entity. A name after "the
 * province of" or before "region" is a place ("the eastern province of Deir Ezzor", "Syria's Deir
 * Ezzor region"). The cues are English words of a closed class, read in the stored text next to the
 * mention. Stateless and thread-safe.
 */
final class MentionCues {

  /** How far before a mention a credit label may stand on its line ("Photograph: Jane Doe/AP"). */
  private static final int LABEL_REACH = 60;

  /** A credit label, then only what a credit holds (names, slashes, dots) up to the line's end. */
  private static final Pattern LABEL =
      Pattern.compile("(?iu)\\b(photograph|photo|picture|image|credit|foto|bild)s?\\s*:\\s*");

  /** What may stand between a credit label and a credited name: names, slashes, "and", commas. */
  private static final Pattern CREDIT_RUN =
      Pattern.compile("(?:[\\s,/]|\\p{Lu}[\\p{L}\\p{M}.'’&-]*|and|for)*");

  /** A mention followed by a slash and a capitalised word: "Chris McGrath/Getty Images". */
  private static final Pattern SLASH_AFTER = Pattern.compile("\\s*/\\s*\\p{Lu}");

  /** A mention after a capitalised word and a slash: "AFP/Getty Images", "REUTERS/Ahmed". */
  private static final Pattern SLASH_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}.]*\\s*/\\s*\\z");

  /**
   * What may follow a name in a credit chain: more slash-joined names ("/AFP/Getty Images"), then a
   * closing bracket or the end of the line (prose goes on: "Nielsen/NetRatings analyst said").
   */
  private static final Pattern CHAIN_REST =
      Pattern.compile(
          "\\A(?:\\s*/\\s*\\p{Lu}[\\p{L}\\p{M}.'’&-]*(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}.'’&-]*){0,3})*"
              + "[ \\t]*(?:[\\])]|\\.?[ \\t]*(?:\\n|\\z))");

  /** A place noun and "of" just before a name: "the province of", "the town of". */
  private static final Pattern PLACE_OF =
      Pattern.compile(
          "\\b(province|city|town|village|villages|region|district|governorate|county|state"
              + "|capital|suburb|suburbs|outskirts|port|island|islands|kingdom|emirate|republic"
              + "|municipality|prefecture)\\s+of\\s+(the\\s+)?\\z");

  /** A place noun just after a name: "Deir Ezzor region", "Anbar province". */
  private static final Pattern PLACE_AFTER =
      Pattern.compile(
          "\\A\\s(province|region|governorate|district|county|prefecture|municipality)\\b");

  /**
   * What follows a dateline's place, the name in capitals that opens a wire story's first line: a
   * date or a region and a comma ("BEIRUT, Feb 3", "SPRINGFIELD, Ill.,"), the agency in brackets
   * ("SOUSA (AFP)"), or a colon or dash and the story's first sentence ("SOUSA: Syrian opposition
   * activists said ..."). A capitalised headline ("OBAMA, CLINTON CLASH") has none of these.
   */
  private static final Pattern DATELINE_AFTER =
      Pattern.compile(
          "\\A(?:[ \\t]*,[ \\t]*(?:\\p{Lu}[\\p{L}.]+[ \\t]+\\d{1,2}\\b|\\d{1,2}[ \\t]+\\p{Lu}"
              + "|\\p{Lu}[\\p{L}.]*(?:[ \\t]+\\p{Lu}[\\p{L}.]*)?[ \\t]*[,(])"
              + "|[ \\t]*\\(\\p{Lu}[\\p{L}]+\\)|[ \\t]*[:—–-][ \\t]+(?:\\S+[ \\t]+){7})");

  /**
   * What follows the name of a company or a club, never a person's: a legal form ("J.P. Morgan and
   * Co Inc", "Morgan Crucible Co Plc"), the club's people ("Chelsea manager", "Chelsea striker";
   * not "fans": a singer has fans too) or the band's ("Franz Ferdinand frontman Alex Kapranos").
   */
  private static final Pattern ORGANISATION_AFTER =
      Pattern.compile(
          "\\A(?:,?\\s+(?:and|&)\\s+(?:Co|Sons)\\b|,?\\s+(?:Co|Cos|Corp|Inc|Ltd|Plc|PLC|AG|NV|GmbH)\\b"
              + "|[ \\t]+(?:manager|boss|chairman|coach|striker|midfielder|defender|goalkeeper"
              + "|keeper|winger|player|players|shareholders|analyst|analysts|subsidiary|stock"
              + "|dealers|executives|employees|frontman|singer|guitarist|drummer|bassist)\\b)");

  /**
   * A band's or a group's noun just before a name: "rock band Franz Ferdinand", "the Italian group
   * Vismara".
   */
  private static final Pattern BAND_BEFORE = Pattern.compile("\\b(?:band|group)[ \\t]+\\z");

  /**
   * A plural verb just after a one-word name: a club, a party, a band or a company in British usage
   * ("Chelsea have", "Labour are", "Muse were"); a person is "has", "is", "was".
   */
  private static final Pattern PLURAL_VERB = Pattern.compile("\\A[ \\t]+(?:have|are|were)\\b");

  /**
   * A film's, a book's or a show's noun just before a name, or a part played in it: "Mike Leigh's
   * latest film Vera Drake", "abortion drama Vera Drake", "her role in Vera Drake".
   */
  private static final Pattern WORK_BEFORE =
      Pattern.compile(
          "\\b(?:(?:film|movie|drama|thriller|musical|novel|sitcom)"
              + "|(?:role|roles|performance|part)[ \\t]+in)[ \\t]+\\z");

  /**
   * What follows a work's name, never a person's: its people ("Vera Drake star Imelda Staunton",
   * "Harry Potter author JK Rowling", "Harry Potter director Alfonso Cuaron").
   */
  private static final Pattern WORK_AFTER =
      Pattern.compile("\\A[ \\t]+(?:star|stars|co-star|author|director|actor|actress)\\b");

  /**
   * A series' plural after "the" and a name: "the Harry Potter films", "the James Bond books". Only
   * after "the": "Martin Scorsese films" could be his.
   */
  private static final Pattern SERIES_AFTER =
      Pattern.compile("\\A[ \\t]+(?:films|books|novels|games|series)\\b");

  /** "the" just before a name. */
  private static final Pattern THE_BEFORE = Pattern.compile("\\bthe[ \\t]+\\z");

  /**
   * Government portfolios named by a common noun, folded as {@link NameKey#of} folds them:
   * "Finance" names no body, where "Treasury" before "Secretary" still names the Treasury. Both
   * spellings of labour: Reuters writes "Labour Minister" for Brazil's, not Britain's party.
   */
  static final Set<String> PORTFOLIOS =
      Set.of(
          "commerce",
          "finance",
          "agriculture",
          "defense",
          "defence",
          "energy",
          "trade",
          "transport",
          "transportation",
          "industry",
          "labor",
          "labour",
          "health",
          "education",
          "interior",
          "environment",
          "economy",
          "culture",
          "home",
          "foreign");

  /** An office a portfolio word stands before: "Commerce Secretary", "Finance Minister". */
  private static final Pattern OFFICE_AFTER =
      Pattern.compile(
          "\\A[ \\t]+(?:Minister|Ministers|Secretary|Undersecretary|Under[ \\t]+Secretary"
              + "|Commissioner)\\b");

  /**
   * An office "of" or "for" a portfolio of capitalised words, up to where a name goes on: the model
   * read "Minister of Mines and Energy Subroto" as the person "Energy Subroto".
   */
  private static final Pattern PORTFOLIO_BEFORE =
      Pattern.compile(
          "\\b(?:Minister|Secretary|Commissioner)[ \\t]+(?:of|for)[ \\t]+(?:the[ \\t]+)?"
              + "(?:\\p{Lu}\\p{L}*,?[ \\t]+){0,3}(?:and|&)[ \\t]+\\z"
              + "|\\b(?:Minister|Secretary|Commissioner)[ \\t]+(?:of|for)[ \\t]+(?:the[ \\t]+)?\\z");

  /**
   * A grade of Moody's long-term rating scale, written as Moody's writes it ("Baa-1 senior debt",
   * "rated Aa"): a grade, never a name. The all-capitals "BAA" (an airports company) is not one.
   */
  private static final Pattern RATING_GRADE = Pattern.compile("(?:Aaa|Aa|Baa|Ba|Caa|Ca)");

  /**
   * Capitalised words up to the word that makes the name a measure's ("London Interbank Offered
   * Rate", "Dow Jones Industrial Average", "Consumer Price Index").
   */
  private static final Pattern MEASURE_AFTER =
      Pattern.compile(
          "\\A(?:[ \\t]+\\p{Lu}[\\p{L}'’.-]*){0,2}[ \\t]+(?:Rates?|Index|Indices|Average)\\b");

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  /** Words a title-cased headline leaves in small letters. */
  private static final Set<String> SMALL_WORDS =
      Set.of(
          "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "as");

  /** "and", "or" or a comma before a name: "Blair and Brown are" is two people. */
  private static final Pattern LISTED_BEFORE = Pattern.compile("(?:\\band|\\bor|&|,)\\s*\\z");

  private MentionCues() {}

  /** True when the mention is part of a photo credit. */
  static boolean isCredit(String text, Mention m) {
    int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
    String before = text.substring(Math.max(lineStart, m.start() - LABEL_REACH), m.start());
    Matcher label = LABEL.matcher(before);
    int labelEnd = -1;
    while (label.find()) {
      labelEnd = label.end();
    }
    if (labelEnd >= 0 && CREDIT_RUN.matcher(before.substring(labelEnd)).matches()) {
      return true;
    }
    int lineEnd = text.indexOf('\n', m.end());
    int end = lineEnd < 0 ? text.length() : lineEnd + 1;
    boolean slashed =
        SLASH_AFTER.matcher(text).region(m.end(), end).lookingAt()
            || SLASH_BEFORE
                .matcher(text.substring(Math.max(lineStart, m.start() - 20), m.start()))
                .find();
    return slashed && CHAIN_REST.matcher(text).region(m.end(), end).lookingAt();
  }

  /**
   * True when a portfolio's word stands before an office ("Commerce Secretary Malcolm Baldrige"),
   * which names a body only as the full name its story gives it.
   */
  static boolean isPortfolio(String text, Mention m) {
    return PORTFOLIOS.contains(NameKey.of(m.text()))
        && OFFICE_AFTER
            .matcher(text)
            .region(m.end(), Math.min(text.length(), m.end() + 20))
            .lookingAt();
  }

  /**
   * A person's mention without the portfolio word the model read into it ("Minister of Mines and
   * Energy Subroto" gives "Subroto"); the mention itself otherwise.
   */
  static Mention withoutPortfolio(String text, Mention m) {
    int space = m.text().indexOf(' ');
    if (m.type() != EntityType.PERSON
        || space < 0
        || !PORTFOLIO_BEFORE
            .matcher(text.substring(Math.max(0, m.start() - 80), m.start()))
            .find()) {
      return m;
    }
    int cut = space + 1;
    return new Mention(m.text().substring(cut), m.type(), m.start() + cut, m.end(), m.canonical());
  }

  /** True when the mention is a grade of a rating scale ({@link #RATING_GRADE}). */
  static boolean isRatingGrade(Mention m) {
    return RATING_GRADE.matcher(m.text()).matches();
  }

  /**
   * Single words the model takes for names that name no one: adjectives of an institution
   * ("Congressional sources", "Parliamentary approval") and interbank reference rates ("Libor plus
   * 3/8 pct"), folded to lower case. A closed class of English words.
   */
  private static final Set<String> NO_NAMES =
      Set.of(
          "congressional",
          "parliamentary",
          "presidential",
          "ministerial",
          "senatorial",
          "gubernatorial",
          "governmental",
          "libor",
          "pibor",
          "hibor",
          "sibor",
          "euribor");

  /** True when the mention is one word that names no one ({@link #NO_NAMES}). */
  static boolean namesNoOne(Mention m) {
    return NO_NAMES.contains(m.text().toLowerCase(Locale.ROOT));
  }

  /**
   * True when the mention begins the name of a rate, an index or an average: "London Interbank"
   * before "Offered Rate" names the rate, not a bank.
   */
  static boolean isMeasureName(String text, Mention m) {
    return MEASURE_AFTER
            .matcher(text)
            .region(m.end(), Math.min(text.length(), m.end() + 60))
            .lookingAt()
        && !titleCased(text, m.start());
  }

  /**
   * True when the line holding {@code at} capitalises every word but the small ones: a headline
   * such as "Fed Raises Interest Rates", where capitals say nothing about names.
   */
  private static boolean titleCased(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    Matcher word = WORD.matcher(text).region(start, end < 0 ? text.length() : end);
    while (word.find()) {
      if (Character.isLowerCase(word.group().charAt(0)) && !SMALL_WORDS.contains(word.group())) {
        return false;
      }
    }
    return true;
  }

  /** True when the words just before or after the mention say it is a place. */
  static boolean isPlaceByContext(String text, Mention m) {
    String before = text.substring(Math.max(0, m.start() - 30), m.start());
    String after = text.substring(m.end(), Math.min(text.length(), m.end() + 16));
    return PLACE_OF.matcher(before).find()
        || PLACE_AFTER.matcher(after).find()
        || isDateline(text, m);
  }

  /**
   * True when the mention is a dateline's place: written in capitals at the start of a line and
   * followed as datelines are ({@link #DATELINE_AFTER}). Datelines say where a story was filed.
   */
  static boolean isDateline(String text, Mention m) {
    String name = m.text();
    if (name.length() < 3 || !name.equals(name.toUpperCase(Locale.ROOT))) {
      return false;
    }
    int i = m.start();
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return (i == 0 || text.charAt(i - 1) == '\n')
        && DATELINE_AFTER
            .matcher(text)
            .region(m.end(), Math.min(text.length(), m.end() + 200))
            .lookingAt();
  }

  /**
   * True when the words around a name say it names a film, a book or a show, not a person ("the
   * film Vera Drake", "Harry Potter author JK Rowling", "the Harry Potter films"). Not a name in
   * brackets after another ("Phil Davis (Vera Drake)"): award lists bracket the actor after the
   * part as often ("Sylvia (Kate Winslet)"). The catalog has no type for works: no entity.
   */
  static boolean isWorkByContext(String text, Mention m) {
    String before = text.substring(Math.max(0, m.start() - 30), m.start());
    int reach = Math.min(text.length(), m.end() + 12);
    return WORK_BEFORE.matcher(before).find()
        || WORK_AFTER.matcher(text).region(m.end(), reach).lookingAt()
        || THE_BEFORE.matcher(before).find()
            && SERIES_AFTER.matcher(text).region(m.end(), reach).lookingAt();
  }

  /**
   * True when the words just after a name say it is a company, a club or a band, or the word just
   * before it says it is a band: true for a person's name only when the model was wrong ("Chelsea
   * manager Jose Mourinho", "Chelsea have", "rock band Franz Ferdinand").
   */
  static boolean isOrganisationByContext(String text, Mention m) {
    int reach = Math.min(text.length(), m.end() + 20);
    if (ORGANISATION_AFTER.matcher(text).region(m.end(), reach).lookingAt()
        || BAND_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
      return true;
    }
    // a name of several words before a plural verb is often a list's last ("and Oscar nominee Alan
    // Alda have"): one word only
    return m.text().indexOf(' ') < 0
        && PLURAL_VERB.matcher(text).region(m.end(), reach).lookingAt()
        && !LISTED_BEFORE.matcher(text.substring(Math.max(0, m.start() - 6), m.start())).find();
  }
}
