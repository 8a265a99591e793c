package org.dateline.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.config.Limits;
import org.dateline.enrich.story.StoryText;

/**
 * Gives every mention in an archive its canonical entity. Names on a story's trailing credit lines
 * are none. In each story first: a surname (also after "Mr") or a single word of a longer name of
 * the same type refers to that name ("Bali said" after "Mustafa Bali"). Then across all stories:
 * spellings that fold to one {@link NameKey} are one name; names of one consonant skeleton that are
 * a small edit apart are one entity (transliterations); an acronym defined anywhere ("Syrian
 * Democratic Forces (SDF)") is its long form; the shipped alias list and the user's {@link
 * Registry} merge, split, rename, retype and suppress; a person's name written alone is the one
 * full name of its outlet's archive it stands for, and a first name alone that no one claims is
 * dropped ({@link NameParts}). An entity's type is the one most of its mentions got, a split vote
 * broken by the place {@link Gazetteer}; its canonical name is its most frequent full spelling. A
 * call resolves the stories it is given, on top of a {@link ResolverMemory} of the stories read
 * before (empty for a whole archive). Thread-safe: immutable.
 */
public final class EntityResolver {

  /**
   * One story's text and what the recogniser found in it.
   *
   * @param outlet the outlet whose archive a name written alone is looked up in; null if unknown
   * @param title the story's title, not recognised but read for the country it is about; null if
   *     none
   */
  public record Doc(String id, String text, List<Mention> recognised, String outlet, String title) {

    /** A story of no known outlet. */
    public Doc(String id, String text, List<Mention> recognised) {
      this(id, text, recognised, null, null);
    }

    /** A story without a title. */
    public Doc(String id, String text, List<Mention> recognised, String outlet) {
      this(id, text, recognised, outlet, null);
    }
  }

  /**
   * An acronym in brackets just after a name, "(SDF)", or a stock ticker in angle brackets as wire
   * copy gives it after a company's name, "<IBM>".
   */
  private static final Pattern ACRONYM_AFTER =
      Pattern.compile("\\A\\s*(?:\\(\\s*([A-Z][A-Za-z.&]{1,11})\\s*\\)|<([A-Z][A-Z&]{1,5})>)");

  /** Two spellings of one skeleton merge when at least this similar (1 - edits / longer length). */
  private static final float MIN_SIMILARITY = 0.8f;

  /**
   * How many times as often one person's longer name must be written as all other people's that end
   * the same way, for a shorter name to be that person's ({@link #longerNames}).
   */
  private static final int DOMINANT = 4;

  /** How many of a name's mentions at least must have been typed a person for {@link #people}. */
  private static final int PERSON_VOTES = 3;

  private final Registry registry;
  private final Set<String> splits;
  private final Gazetteer gazetteer;

  /**
   * Every name of the alias list and the registry's merges, to find where the model missed them.
   */
  private final ListedNames listed;

  private final Map<String, EntityType> listedTypes = new HashMap<>();

  /** A resolver with the shipped aliases, then {@code user}'s entries, and the place gazetteer. */
  public EntityResolver(Registry user) {
    this(user, Gazetteer.shared());
  }

  /** A resolver with the shipped aliases, then {@code user}'s entries, and {@code gazetteer}. */
  EntityResolver(Registry user, Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.registry = user.over(Registry.shipped());
    this.splits = keys(registry.split());
    List<String> names = new ArrayList<>();
    for (Registry.Merge m : registry.merge()) {
      List<String> all = new ArrayList<>(m.variants());
      all.add(m.canonical());
      for (String n : all) {
        boolean capitalised = !n.isEmpty() && Character.isUpperCase(n.charAt(0));
        if (m.type() != null
            && capitalised
            && n.length() >= 2
            && listedTypes.putIfAbsent(n, m.type()) == null) {
          names.add(n);
        }
      }
    }
    names.sort(Comparator.comparingInt(String::length).reversed());
    this.listed = names.isEmpty() ? null : new ListedNames(names);
  }

  /**
   * The recognised mentions plus listed names the model missed ("IS fighters"). A short
   * all-capitals name in an all-capitals line (a headline shouting "WHAT IS LEFT") is not taken.
   */
  List<Mention> withListed(Doc doc) {
    if (listed == null) {
      return doc.recognised();
    }
    List<Mention> out = new ArrayList<>(doc.recognised());
    boolean[] taken = new boolean[doc.text().length() + 1];
    for (Mention m : doc.recognised()) {
      for (int i = m.start(); i < m.end(); i++) {
        taken[i] = true;
      }
    }
    // Looked for where the recogniser reads, no further: the names are tried at each capital
    // letter, and a 5 MB line of capitalised words took minutes (when they were one pattern).
    String text = doc.text();
    int limit = Math.min(text.length(), Limits.DEFAULT_MAX_ENTITY_CHARS);
    for (int[] found = listed.find(text, 0, limit);
        found != null;
        found = listed.find(text, found[1], limit)) {
      int start = found[0];
      int end = found[1];
      if (!taken[start] && !taken[end - 1] && !shouting(text, start, end)) {
        String name = text.substring(start, end);
        out.add(new Mention(name, listedTypes.get(name), start, end, null));
      }
    }
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }

  private static boolean shouting(String text, int start, int end) {
    if (end - start > 3) {
      return false;
    }
    int from = Math.max(0, start - 40);
    int to = Math.min(text.length(), end + 40);
    return text.substring(from, to).chars().noneMatch(Character::isLowerCase);
  }

  /** One story on its own: short references, acronyms defined in it, the alias list. */
  public List<Mention> resolveStory(String text, List<Mention> recognised) {
    return resolve(List.of(new Doc("story", text, recognised))).get("story");
  }

  /** Canonical, typed mentions for each document id; suppressed mentions are left out. */
  public Map<String, List<Mention>> resolve(List<Doc> docs) {
    Resolution r = resolve(ResolverMemory.empty(), docs);
    Map<String, List<Mention>> out = new LinkedHashMap<>();
    for (Doc doc : docs) {
      out.put(doc.id(), r.mentions(doc));
    }
    return out;
  }

  /**
   * Resolves {@code added} against what {@code prior} remembers of the stories read before, as if
   * all of them were read together: the result gives canonical mentions for the added stories and
   * for any earlier story, and the memory of both.
   */
  public Resolution resolve(ResolverMemory prior, List<Doc> added) {
    Reading reading = new Reading(prior, true);
    added.forEach(reading::add);
    return reading.resolve();
  }

  /** Stories read one at a time, none of them kept: for an archive too large to hold. */
  public Reading reading(ResolverMemory prior) {
    return new Reading(prior, false);
  }

  /**
   * Counts stories on top of a memory; {@link #resolve} then joins names across all of them. Not
   * thread-safe; resolve once.
   */
  public final class Reading {
    private final NameGroups groups = new NameGroups(gazetteer);
    private final NameParts parts;
    private final ResolverMemory prior;
    private final Map<String, List<Named>> named;
    private final List<ResolverMemory.Link> links = new ArrayList<>();

    private Reading(ResolverMemory prior, boolean keepNamed) {
      this.prior = prior;
      this.parts = new NameParts(prior);
      this.named = keepNamed ? new HashMap<>() : null;
      for (Registry.Merge m : registry.merge()) {
        String root = NameKey.of(m.canonical());
        groups.fix(root, m.canonical(), m.type());
        for (String v : m.variants()) {
          groups.union(root, NameKey.of(v));
        }
      }
      groups.count(prior);
    }

    /** Counts one story's names and notes the acronyms it defines. */
    public void add(Doc doc) {
      add(doc, named(doc), acronyms(doc));
    }

    /**
     * Counts {@code docs} as {@link #add} does one by one, in their order, with each story's own
     * reading (its names in the story, its acronyms: no counts needed) done on {@code pool}.
     */
    public void addAll(List<Doc> docs, ExecutorService pool) {
      record Read(List<Named> names, List<ResolverMemory.Link> acronyms) {}
      List<Read> read = InOrder.map(docs, d -> new Read(named(d), acronyms(d)), pool);
      for (int i = 0; i < docs.size(); i++) {
        add(docs.get(i), read.get(i).names(), read.get(i).acronyms());
      }
    }

    private void add(Doc doc, List<Named> local, List<ResolverMemory.Link> acronyms) {
      if (named != null) {
        named.put(doc.id(), local);
      }
      for (Named n : local) {
        groups.count(n.key(), n.fullText(), n.mention().type());
        if (n.mention().type() == EntityType.PERSON) {
          parts.count(doc.outlet(), n.mention().text());
        }
      }
      links.addAll(acronyms);
    }

    /** Acronyms (the memory's first, in order), then variants, over everything counted. */
    public Resolution resolve() {
      for (ResolverMemory.Link link : prior.links()) {
        groups.link(link, splits);
      }
      for (ResolverMemory.Link link : links) {
        groups.link(link, splits);
      }
      variants(groups, splits);
      companies(groups, splits);
      people(groups, splits);
      longerNames(groups, splits);
      NameJoins.possessives(groups, splits);
      NameJoins.parties(groups, splits);
      NameJoins.givenNames(groups, splits);
      NameJoins.middleInitials(groups, splits);
      wordOrders(groups, splits);
      return new Resolution(EntityResolver.this, groups, parts, named == null ? Map.of() : named);
    }
  }

  /** The story's mentions, each with the full name it refers to in the story. */
  List<Named> named(Doc doc) {
    // the words around a mention are read as one line where fixed-width wrapping broke it
    // ("Minister\nof Mines and Energy Subroto"); credit lines are found on the lines as stored
    String flat = WrappedText.unwrap(doc.text());
    return oneReading(flat, inStory(flat, names(doc.text(), flat, withListed(doc)), splits));
  }

  /**
   * One story, one reading: a name the words around one of its mentions show to be a company or a
   * club ("Chelsea have", "E.F. Hutton and Co") is one at its other mentions in the story too; a
   * name the model took for a person's that the words around one of its mentions show to be a
   * work's ("the film Vera Drake") is no entity anywhere in the story (nor its surname alone).
   */
  private static List<Named> oneReading(String text, List<Named> named) {
    Set<String> companies = new HashSet<>();
    Set<String> works = new HashSet<>();
    for (Named n : named) {
      if (n.mention().type() == EntityType.ORGANIZATION
          && MentionCues.isOrganisationByContext(text, n.mention())) {
        companies.add(n.key());
      } else if (n.mention().type() == EntityType.PERSON
          && MentionCues.isWorkByContext(text, n.mention())) {
        works.add(NameKey.of(n.mention().text())); // "the film Ray", not Ray Charles it joined
      }
    }
    if (companies.isEmpty() && works.isEmpty()) {
      return named;
    }
    List<Named> out = new ArrayList<>(named.size());
    for (Named n : named) {
      Mention m = n.mention();
      if (m.type() == EntityType.PERSON
          && (works.contains(n.key()) || works.contains(NameKey.of(m.text())))) {
        continue; // "Drake" after "the film Vera Drake" too
      }
      out.add(
          m.type() == EntityType.PERSON && companies.contains(n.key())
              ? new Named(
                  new Mention(m.text(), EntityType.ORGANIZATION, m.start(), m.end(), null),
                  n.fullText(),
                  n.key())
              : n);
    }
    return out;
  }

  /**
   * The mentions that can name someone in the story: not on its trailing credit lines (a sign-off
   * such as "Reuter" or a "(Reporting by ...)" line names who sent the story, not who is in it),
   * not in a photo credit ({@link MentionCues#isCredit}), and of two letters or more (a lone
   * initial, "D", is no name), not a rating grade ("Baa-1") and not the start of a rate's or an
   * index's name ("London Interbank Offered Rate"). A mention the words around it type ({@link
   * #retyped}) votes for that type, whatever the model typed it. {@code flat} is {@code text}
   * unwrapped ({@link WrappedText}), read for the words around a mention.
   */
  private static List<Mention> names(String text, String flat, List<Mention> mentions) {
    int credits = StoryText.creditStart(text);
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      if (m.start() < credits
          && NameKey.of(m.text()).length() >= 2
          && !LegalForms.only(NameKey.of(m.text()))
          && !MentionCues.isCredit(text, m)
          && !MentionCues.isRatingGrade(m)
          && !MentionCues.namesNoOne(m)
          && !MentionCues.isMeasureName(flat, m)) {
        out.add(retyped(flat, MentionCues.withoutPortfolio(flat, m)));
      }
    }
    return Partnerships.joined(flat, FirmNames.joined(flat, FirmNames.withGenericTails(flat, out)));
  }

  /**
   * A name of several words opening with a German article, as a newspaper's or a magazine's title
   * does ("Der Spiegel", "Die Welt"): no person's name starts so ("Das" does: "Das Gupta").
   */
  static boolean isTitled(String name) {
    int space = name.indexOf(' ');
    if (space < 0 || space == name.length() - 1) {
      return false;
    }
    String first = name.substring(0, space);
    return first.equals("Der") || first.equals("Die");
  }

  /**
   * The mention with the type the words around it give it, if they give one: a place after "the
   * province of", an organisation where the model saw a person before "Co Inc" or "manager", or a
   * person whose name ends in a legal form.
   */
  private static Mention retyped(String text, Mention m) {
    EntityType type = m.type();
    if (type != EntityType.PLACE
        && (MentionCues.isPlaceByContext(text, m)
            || StateAbbreviations.unstopped(text, m) != null)) {
      type = EntityType.PLACE;
    } else if (type == EntityType.PERSON
        && (MentionCues.isOrganisationByContext(text, m)
            || (m.text().indexOf(' ') > 0 && LegalForms.base(NameKey.of(m.text())) != null)
            || isTitled(m.text()))) {
      type = EntityType.ORGANIZATION; // "Sara Lee Corp", "Der Spiegel" read as a person
    }
    return type == m.type() ? m : new Mention(m.text(), type, m.start(), m.end(), m.canonical());
  }

  /** A mention with the full name it refers to in its story. */
  record Named(Mention mention, String fullText, String key) {}

  /** A name of several words in a story: its words and its first mention. */
  private record Longer(Mention first, List<String> words) {}

  private static List<Named> inStory(String text, List<Mention> mentions, Set<String> splits) {
    // Each distinct longer name once (a long story repeats a few names thousands of times; every
    // mention compared with every other mention was quadratic: 33 s on one 200,000-char text).
    Map<EntityType, Map<String, Longer>> longer = new EnumMap<>(EntityType.class);
    for (Mention m : mentions) {
      String key = NameKey.of(m.text());
      List<String> words = NameKey.words(key);
      boolean addressed = m.type() == EntityType.PERSON && NameParts.alone(m.text()) != null;
      if (words.size() > 1 && !addressed) {
        longer
            .computeIfAbsent(m.type(), t -> new LinkedHashMap<>())
            .putIfAbsent(key, new Longer(m, words));
      }
    }
    List<Named> out = new ArrayList<>();
    for (Mention m : mentions) {
      String key = NameKey.of(m.text());
      // "Mr Brown" is looked up as "brown"
      String alone = m.type() == EntityType.PERSON ? NameParts.alone(m.text()) : null;
      Mention full =
          key.isEmpty() || splits.contains(key)
              ? null
              : fullName(alone != null ? alone : key, m, longer.getOrDefault(m.type(), Map.of()));
      if (full == null
          && m.type() != EntityType.PERSON
          && !key.isEmpty()
          && !splits.contains(key)) {
        // a surname of a person named in this story is that person, whatever the model thought
        Mention person =
            fullName(
                key,
                new Mention(m.text(), EntityType.PERSON, m.start(), m.end(), null),
                longer.getOrDefault(EntityType.PERSON, Map.of()));
        full = person;
      }
      Mention seen = m;
      if (full == null && m.type() == EntityType.PERSON && !splits.contains(key)) {
        // "Ford said" after "Ford Motor Co": the one organisation of the story holding the word
        Mention asCompany =
            new Mention(m.text(), EntityType.ORGANIZATION, m.start(), m.end(), null);
        Map<String, Longer> companies = longer.getOrDefault(EntityType.ORGANIZATION, Map.of());
        Mention company = fullName(key, asCompany, companies);
        if (company == null) {
          company = firstNamedAfter(key, companies);
        }
        if (company != null) {
          full = company;
          seen = asCompany;
        }
      }
      if (full == null
          && seen.type() == EntityType.ORGANIZATION
          && (BodyNouns.alone(key) || MentionCues.isPortfolio(text, m))) {
        continue; // "the Bank said", "Commerce Secretary" where the story names no such body
      }
      String state = full == null && seen.type() == EntityType.PLACE ? stateNamed(text, m) : null;
      String name = state != null ? state : full == null ? m.text() : full.text();
      out.add(new Named(seen, name, NameKey.of(name)));
    }
    return out;
  }

  /** The state an abbreviation names ("Calif.", "Colo" after a town, "D-Tex"), or null. */
  private static String stateNamed(String text, Mention m) {
    String state = StateAbbreviations.expand(text, m);
    return state != null ? state : StateAbbreviations.unstopped(text, m);
  }

  /** The one longer name of the story that a one-word mention stands for, or null. */
  private static Mention fullName(String key, Mention m, Map<String, Longer> candidates) {
    if (key.contains(" ")) {
      return null;
    }
    int distinct = 0;
    Mention found = null;
    for (Longer c : candidates.values()) {
      List<String> words = c.words();
      boolean refers =
          m.type() == EntityType.PERSON
              ? words.get(words.size() - 1).equals(key) || words.get(0).equals(key)
              : words.contains(key);
      if (refers) {
        distinct++;
        found = c.first();
      }
    }
    return distinct == 1 ? found : null;
  }

  /**
   * The first organisation of the story whose name begins with the word ("Merrill said" after
   * "Merrill Lynch and Co Inc" and "Merrill Lynch Capital Markets": a firm named after its founder,
   * its first-named house), or null.
   */
  private static Mention firstNamedAfter(String key, Map<String, Longer> companies) {
    for (Longer c : companies.values()) {
      if (c.words().get(0).equals(key)) {
        return c.first();
      }
    }
    return null;
  }

  /**
   * "Long Name (LN)" or "Long Name Corp <LN>" anywhere makes the acronym one entity with the long
   * name, where it {@link NameKey#standsFor stands for} it.
   */
  private static List<ResolverMemory.Link> acronyms(Doc doc) {
    List<ResolverMemory.Link> out = new ArrayList<>();
    for (Mention m : doc.recognised()) {
      if (m.end() >= doc.text().length()) {
        continue;
      }
      Matcher a =
          ACRONYM_AFTER.matcher(
              doc.text().substring(m.end(), Math.min(doc.text().length(), m.end() + 20)));
      if (!a.find()) {
        continue;
      }
      String acronym = (a.group(1) != null ? a.group(1) : a.group(2)).replace(".", "");
      boolean stands =
          a.group(1) != null
              ? NameKey.standsFor(acronym, m.text())
              : NameKey.standsForWords(acronym, m.text());
      if (acronym.length() >= 2 && stands) {
        out.add(new ResolverMemory.Link(NameKey.of(m.text()), NameKey.of(acronym)));
      }
    }
    return out;
  }

  /**
   * Transliterations and misspellings: same skeleton, a small edit apart, vowels changed only for
   * the ones romanisations use for one sound ({@link Romanisation}).
   */
  private static void variants(NameGroups groups, Set<String> splits) {
    Map<String, List<String>> bySkeleton = new HashMap<>();
    for (String key : groups.seenKeys()) {
      if (!splits.contains(key) && key.length() >= 4) {
        bySkeleton.computeIfAbsent(NameKey.skeleton(key), s -> new ArrayList<>()).add(key);
      }
    }
    for (List<String> keys : bySkeleton.values()) {
      for (int i = 0; i < keys.size(); i++) {
        for (int j = i + 1; j < keys.size(); j++) {
          // an acronym is no spelling of a word of its letters ("CBOT", "Cabot")
          if (groups.writtenAsAcronym(keys.get(i)) == groups.writtenAsAcronym(keys.get(j))
              && !placeAndOrganisation(groups, keys.get(i), keys.get(j))
              && Romanisation.similarity(keys.get(i), keys.get(j)) >= MIN_SIMILARITY) {
            groups.union(keys.get(i), keys.get(j));
          }
        }
      }
    }
  }

  /**
   * One name mostly read as a place, the other as an organisation: a country and a company one
   * letter apart ("Zaire", "Zayre Corp"), no spelling of one name.
   */
  private static boolean placeAndOrganisation(NameGroups groups, String a, String b) {
    EntityType ta = groups.ownType(a);
    EntityType tb = groups.ownType(b);
    return (ta == EntityType.PLACE && tb == EntityType.ORGANIZATION)
        || (ta == EntityType.ORGANIZATION && tb == EntityType.PLACE);
  }

  /**
   * A company's name with its legal form and without ("General Motors Corp", "General Motors") is
   * one company, and a name the archive writes with a legal form is a company's whatever the model
   * typed its other mentions ("E.F. Hutton Group Inc" makes "E.F. Hutton" a company). Only where
   * the spelling with the legal form was mostly typed an organisation; a one-word name joins only
   * if it was mostly typed one too ("Dart" the surname stays apart from "Dart Group Corp"), and a
   * place never does. An acronym joins only where the company is named at least half as often as
   * the acronym alone: three letters name many bodies, and "BBC" written 178 times against "BBC AG"
   * 4 times is the broadcaster, not the Swiss group.
   */
  private static void companies(NameGroups groups, Set<String> splits) {
    for (String key : List.copyOf(groups.seenKeys())) {
      String base = LegalForms.base(key);
      if (base == null || splits.contains(key) || groups.ownType(key) != EntityType.ORGANIZATION) {
        continue;
      }
      groups.company(key);
      EntityType baseType = groups.ownType(base);
      boolean joins =
          (baseType == EntityType.ORGANIZATION
                  && (!groups.writtenAsAcronym(base)
                      || 2 * groups.mentions(key) >= groups.mentions(base)))
              || baseType == EntityType.PERSON && base.indexOf(' ') > 0;
      if (joins && !splits.contains(base)) {
        groups.union(key, base);
      }
    }
    firmsNamedAfterPeople(groups, splits);
  }

  /**
   * A firm named after people: a name the model typed a person ("Dean Witter", "L.F. Rothschild")
   * that begins a company's name written whole elsewhere in the archive, with a legal form ("Dean
   * Witter Reynolds Inc"), is that company. Where it begins several companies' names it is a
   * company of its own, joined to none of them ("Smith Barney": Smith Barney Harris Upham and Co,
   * Smith Barney Research Inc); a name that is a company already stays as it is ("E.F. Hutton" is
   * E.F. Hutton Group Inc, not also E.F. Hutton LBO Inc), and a name any mention typed a place is
   * never one ("Abu Dhabi" of Abu Dhabi National Oil Co).
   */
  private static void firmsNamedAfterPeople(NameGroups groups, Set<String> splits) {
    Set<String> companies = groups.companyRoots();
    Map<String, Set<String>> firmsByStart = new HashMap<>();
    for (String key : groups.seenKeys()) {
      String base = LegalForms.base(key);
      if (base == null || !companies.contains(groups.find(key))) {
        continue;
      }
      List<String> words = NameKey.words(base);
      for (int n = 2; n < words.size(); n++) {
        firmsByStart
            .computeIfAbsent(String.join(" ", words.subList(0, n)), k -> new HashSet<>())
            .add(groups.find(key));
      }
    }
    firmsByStart.forEach(
        (start, firms) -> {
          if (groups.ownType(start) == EntityType.PERSON
              && groups.typedAs(start, EntityType.PLACE) == 0
              && !companies.contains(groups.find(start))
              && !splits.contains(start)) {
            if (firms.size() == 1) {
              groups.union(firms.iterator().next(), start);
            } else {
              groups.company(start); // a firm's name, but which of them it is the text does not say
            }
          }
        });
  }

  /**
   * A person the model often took for a body: a name of two words or more whose own mentions were
   * typed a person {@link #PERSON_VOTES} times or more and at least a third of the time, and whose
   * first word begins the full name of another person of the archive, is a person's ("Robbie
   * Williams", 17 of 47 mentions typed a person and the rest an organisation, beside Robbie Keane
   * and Robbie Fowler; "King Fahd" beside King Hassan). A first word no other person's name begins
   * with keeps the vote ("Lockheed Martin", "Iowa Beef"), and a company's name stays a company's.
   */
  private static void people(NameGroups groups, Set<String> splits) {
    Map<String, Set<String>> peopleByFirstWord = new HashMap<>();
    for (String key : groups.seenKeys()) {
      List<String> words = NameKey.words(key);
      if (words.size() >= 2 && groups.ownType(key) == EntityType.PERSON) {
        peopleByFirstWord.computeIfAbsent(words.get(0), w -> new HashSet<>()).add(groups.find(key));
      }
    }
    Set<String> companies = groups.companyRoots();
    for (String key : List.copyOf(groups.seenKeys())) {
      List<String> words = NameKey.words(key);
      int asPerson = groups.typedAs(key, EntityType.PERSON);
      if (words.size() < 2
          || asPerson < PERSON_VOTES
          || 3 * asPerson < groups.mentions(key)
          || groups.ownType(key) == EntityType.PERSON
          || splits.contains(key)
          || companies.contains(groups.find(key))) {
        continue;
      }
      String root = groups.find(key);
      if (peopleByFirstWord.getOrDefault(words.get(0), Set.of()).stream()
          .anyMatch(other -> !other.equals(root))) {
        groups.person(key);
      }
    }
  }

  /**
   * A person's name of two words or more that ends one longer name of a person, and only one, is
   * that person ("Santos Alvite" and "Fernando Santos Alvite", "De Clercq" and "Willy de Clercq":
   * double surnames and particles written without the given name; "Jose Sarney" and a title the
   * model took in, "Sen Jose Sarney"). Where two people's longer names end the same way ("Fernando"
   * and "Maria Santos Alvite"), the shorter stays apart, unless one of them is written more than
   * {@link #DOMINANT} times as often as all the others together: a misspelt given name ("Aturo
   * Hernandez Grisanti" twice beside "Arturo" twelve times) or two names run together ("Yeutter-de
   * Clercq") is no second person.
   */
  private static void longerNames(NameGroups groups, Set<String> splits) {
    Map<String, List<String>> byEnding = new HashMap<>();
    Map<String, List<String>> byFirstWord = new HashMap<>();
    List<String> oneWord = new ArrayList<>(); // surnames like "O'Driscoll", "Leigh-Pemberton"
    for (String key : groups.seenKeys()) {
      if (splits.contains(key) || groups.ownType(key) != EntityType.PERSON) {
        continue;
      }
      List<String> words = NameKey.words(key);
      if (words.size() >= 2) {
        byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(key);
        if (groups.writtenAsOneWord(key)) {
          oneWord.add(key);
        }
      }
      for (int from = 1; from <= words.size() - 2; from++) {
        String ending = String.join(" ", words.subList(from, words.size()));
        byEnding.computeIfAbsent(ending, e -> new ArrayList<>()).add(key);
      }
    }
    // a name the model typed a person in some stories but that is a company's ("E.F. Hutton"
    // of E.F. Hutton Group Inc) is no person's surname: "John Henry of E.F. Hutton" is not it
    Set<String> companies = groups.companyRoots();
    for (String key : List.copyOf(groups.seenKeys())) {
      List<String> longer = byEnding.get(key);
      if (longer == null
          || companies.contains(groups.find(key))
          || splits.contains(key)
          || groups.ownType(key) != EntityType.PERSON
          || NameParts.alone(key) != null) {
        continue;
      }
      List<String> person = dominantPerson(groups, longer);
      if (person != null) {
        groups.union(person.get(0), key);
        // named by the longer name only where the shorter does not begin with a given name (a word
        // that begins the names of several people): "Bra Kanon" is Denis Bra Kanon's surname,
        // "Jose Sarney" a full name that a title ("Sen", "Col", a misspelt "Prersident") lengthens;
        // a surname written as one word is one whatever its parts ("O'Driscoll" of Brian
        // O'Driscoll)
        Set<String> peopleSharingFirstWord = new HashSet<>();
        for (String other : byFirstWord.get(NameKey.words(key).get(0))) {
          peopleSharingFirstWord.add(groups.find(other));
        }
        if (peopleSharingFirstWord.size() < 2 || soleSurnameOfItsGroup(groups, key, oneWord)) {
          person.forEach(groups::preferName);
        }
      }
    }
  }

  /**
   * True when {@code key} was mostly written as one word and no other such key of {@code oneWord}
   * is in its group: the group's one surname.
   */
  private static boolean soleSurnameOfItsGroup(
      NameGroups groups, String key, List<String> oneWord) {
    if (!groups.writtenAsOneWord(key)) {
      return false;
    }
    String root = groups.find(key);
    for (String other : oneWord) {
      if (!other.equals(key) && groups.find(other).equals(root)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The keys of {@code longer} that belong to the person written more than {@link #DOMINANT} times
   * as often as every other person of {@code longer} together (always, when they are all one
   * person); null when there is none.
   */
  private static List<String> dominantPerson(NameGroups groups, List<String> longer) {
    Map<String, Integer> written = new LinkedHashMap<>();
    for (String l : longer) {
      written.merge(groups.find(l), groups.mentions(l), Integer::sum);
    }
    String top =
        written.size() == 1 ? groups.find(longer.get(0)) : NameJoins.dominant(written, DOMINANT);
    return top == null ? null : longer.stream().filter(l -> groups.find(l).equals(top)).toList();
  }

  /**
   * A government body's name in its two word orders is one body ("U.S. Department of Agriculture" =
   * "U.S. Agriculture Department"), where both were mostly typed an organisation.
   */
  private static void wordOrders(NameGroups groups, Set<String> splits) {
    for (String key : List.copyOf(groups.seenKeys())) {
      String other = WordOrder.alternative(key);
      if (other != null
          && !splits.contains(key)
          && !splits.contains(other)
          && groups.ownType(key) == EntityType.ORGANIZATION
          && groups.ownType(other) == EntityType.ORGANIZATION) {
        groups.union(key, other);
      }
    }
  }

  /** The place gazetteer, for output ({@link NationalBodies}). */
  Gazetteer gazetteer() {
    return gazetteer;
  }

  /** The registry's renames, retypes and suppressions by name key, for output. */
  Registry registry() {
    return registry;
  }

  static Set<String> keys(List<String> names) {
    Set<String> out = new HashSet<>();
    names.forEach(n -> out.add(NameKey.of(n)));
    return out;
  }
}
