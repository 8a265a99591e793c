package org.dateline.enrich.entities;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Union-find over name keys, with spelling and type counts per group: the state of one resolution.
 * Starts from a {@link ResolverMemory} and gives back the memory of everything it counted. Not
 * thread-safe.
 */
final class NameGroups {

  private final Map<String, String> parent = new HashMap<>();
  private final Map<String, Map<String, Integer>> spellings = new HashMap<>();
  private final Map<String, Map<EntityType, Integer>> types = new HashMap<>();
  private final Map<String, String> fixedName = new HashMap<>();
  private final Map<String, EntityType> fixedType = new HashMap<>();
  private final Set<ResolverMemory.Link> links = new LinkedHashSet<>();

  /** Keys spelled with a legal form ("General Motors Corp"): their groups are companies. */
  private final Set<String> companies = new HashSet<>();

  /** Keys the archive's other names show to be a person's: their groups are people. */
  private final Set<String> people = new HashSet<>();

  /** Keys whose spellings name their group before the others' ({@link #preferName}). */
  private final Set<String> fuller = new HashSet<>();

  private Map<String, String> canonicalCache;

  /** The name key of each group's canonical name (that is, of the spelling chosen). */
  private Map<String, String> canonicalKeyCache;

  private Map<String, EntityType> typeCache;

  private final Gazetteer gazetteer;

  NameGroups(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** Counts {@code prior}'s spellings and types (its links are applied by the caller, in order). */
  void count(ResolverMemory prior) {
    prior
        .keys()
        .forEach(
            (key, c) -> {
              Map<String, Integer> s = spellings.computeIfAbsent(key, k -> new HashMap<>());
              c.spellings().forEach((text, n) -> s.merge(text, n, Integer::sum));
              Map<EntityType, Integer> t =
                  types.computeIfAbsent(key, k -> new EnumMap<>(EntityType.class));
              c.types().forEach((type, n) -> t.merge(type, n, Integer::sum));
            });
    canonicalCache = null;
  }

  /** Everything counted and linked so far, with the name parts counted beside it. */
  ResolverMemory memory(NameParts parts) {
    Map<String, ResolverMemory.KeyCounts> keys = new HashMap<>(spellings.size() * 2);
    spellings.forEach(
        (key, s) ->
            keys.put(
                key, new ResolverMemory.KeyCounts(Map.copyOf(s), new EnumMap<>(types.get(key)))));
    return new ResolverMemory(keys, java.util.List.copyOf(links), parts.counts());
  }

  String find(String k) {
    String p = parent.getOrDefault(k, k);
    if (p.equals(k)) {
      return k;
    }
    String root = find(p);
    parent.put(k, root);
    return root;
  }

  void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      // a fixed (alias-list) group keeps its root so its name and type survive
      if (fixedName.containsKey(rb)) {
        parent.put(ra, rb);
      } else {
        parent.put(rb, ra);
      }
    }
    canonicalCache = null;
  }

  /** An acronym link, remembered whether or not it joins anything now. */
  void link(ResolverMemory.Link link, Set<String> splits) {
    links.add(link);
    if (!splits.contains(link.acronym()) && !isFixed(link.acronym())) {
      union(link.name(), link.acronym());
    }
  }

  void fix(String key, String name, EntityType type) {
    fixedName.put(find(key), name);
    if (type != null) { // a merge without a type keeps the type most mentions got
      fixedType.put(find(key), type);
    }
  }

  /**
   * The key is a person's fuller name, joined with a shorter one it ends with: its group is named
   * by its spellings ("Denis Bra Kanon"), however often the shorter one was written ("Bra Kanon").
   */
  void preferName(String key) {
    fuller.add(key);
    canonicalCache = null;
  }

  boolean isFixed(String key) {
    return fixedName.containsKey(find(key));
  }

  void count(String key, String written, EntityType type) {
    spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(written, 1, Integer::sum);
    types.computeIfAbsent(key, k -> new EnumMap<>(EntityType.class)).merge(type, 1, Integer::sum);
    canonicalCache = null;
  }

  /** The type most of this one key's own mentions got (not its group's), or null if unseen. */
  EntityType ownType(String key) {
    Map<EntityType, Integer> t = types.get(key);
    return t == null || t.isEmpty()
        ? null
        : t.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** How many of the key's own mentions were typed {@code type}. */
  int typedAs(String key, EntityType type) {
    Map<EntityType, Integer> t = types.get(key);
    return t == null ? 0 : t.getOrDefault(type, 0);
  }

  /** True when every spelling of the key is an acronym ("BBC"; not "Sony" beside "SONY"). */
  boolean writtenAsAcronym(String key) {
    Map<String, Integer> s = spellings.get(key);
    return s != null && !s.isEmpty() && s.keySet().stream().allMatch(NameGroups::isAcronym);
  }

  /**
   * True when most mentions of the key were written as one word: a surname with an apostrophe or a
   * hyphen ("O'Driscoll", "Lewis-Francis"), whose key has two words.
   */
  boolean writtenAsOneWord(String key) {
    Map<String, Integer> s = spellings.get(key);
    if (s == null) {
      return false;
    }
    int one = 0;
    int all = 0;
    for (Map.Entry<String, Integer> e : s.entrySet()) {
      all += e.getValue();
      if (e.getKey().indexOf(' ') < 0) {
        one += e.getValue();
      }
    }
    return 2 * one > all;
  }

  /** How many mentions the key itself got (not its group). */
  int mentions(String key) {
    Map<String, Integer> s = spellings.get(key);
    return s == null ? 0 : s.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The key names a company, and so does every name joined with it (unless a merge types it). */
  void company(String key) {
    companies.add(key);
    canonicalCache = null;
  }

  /** The key names a person, and so does every name joined with it, unless a company's name is. */
  void person(String key) {
    people.add(key);
    canonicalCache = null;
  }

  /** The groups (by root) that hold a company's name: organisations whatever else joined them. */
  Set<String> companyRoots() {
    Set<String> roots = new HashSet<>();
    companies.forEach(k -> roots.add(find(k)));
    return roots;
  }

  Set<String> seenKeys() {
    return spellings.keySet();
  }

  String canonical(String key) {
    summarise();
    return canonicalCache.getOrDefault(find(key), key);
  }

  /** {@code NameKey.of(canonical(key))}, without folding the name again. */
  String canonicalKey(String key) {
    summarise();
    return canonicalKeyCache.getOrDefault(find(key), key);
  }

  EntityType type(String key) {
    summarise();
    return typeCache.get(find(key));
  }

  private void summarise() {
    if (canonicalCache != null) {
      return;
    }
    Map<String, Map<String, Integer>> groupSpellings = new HashMap<>();
    Map<String, Map<EntityType, Integer>> groupTypes = new HashMap<>();
    // a spelling is counted under its own name key, so that key is known without folding again
    Map<String, String> keyOfSpelling = new HashMap<>();
    spellings.forEach(
        (k, counts) ->
            counts.forEach(
                (s, n) -> {
                  groupSpellings
                      .computeIfAbsent(find(k), r -> new HashMap<>())
                      .merge(s, n, Integer::sum);
                  keyOfSpelling.put(s, k);
                }));
    types.forEach(
        (k, counts) ->
            counts.forEach(
                (t, n) ->
                    groupTypes
                        .computeIfAbsent(find(k), r -> new EnumMap<>(EntityType.class))
                        .merge(t, n, Integer::sum)));
    Set<String> namedByFuller = new HashSet<>();
    fuller.forEach(k -> namedByFuller.add(find(k)));
    canonicalCache = new HashMap<>();
    typeCache = new HashMap<>();
    canonicalKeyCache = new HashMap<>();
    groupSpellings.forEach(
        (root, counts) -> {
          String name =
              fixedName.containsKey(root)
                  ? fixedName.get(root)
                  : capitalsCounted(counts).entrySet().stream()
                      .filter(
                          e ->
                              !namedByFuller.contains(root)
                                  || fuller.contains(keyOfSpelling.get(e.getKey())))
                      .max(SPELLING_ORDER)
                      .orElseThrow()
                      .getKey();
          canonicalCache.put(root, name);
          canonicalKeyCache.put(
              root, fixedName.containsKey(root) ? NameKey.of(name) : keyOfSpelling.get(name));
        });
    Set<String> companyRoots = new HashSet<>();
    companies.forEach(k -> companyRoots.add(find(k)));
    Set<String> personRoots = new HashSet<>();
    people.forEach(k -> personRoots.add(find(k)));
    groupTypes.forEach(
        (root, counts) ->
            typeCache.put(
                root,
                fixedType.containsKey(root)
                    ? fixedType.get(root)
                    : companyRoots.contains(root)
                        ? EntityType.ORGANIZATION
                        : personRoots.contains(root)
                            ? EntityType.PERSON
                            : voted(counts, canonicalKeyCache.get(root))));
  }

  /**
   * The type most mentions got; but a name the place gazetteer lists is a place when at least half
   * as many mentions were typed a place as the winning type got (the table breaks a split vote, it
   * never overrules a clear one: many surnames and club names are towns somewhere).
   */
  private EntityType voted(Map<EntityType, Integer> counts, String key) {
    Map.Entry<EntityType, Integer> top =
        counts.entrySet().stream()
            .max(
                Map.Entry.<EntityType, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
            .orElseThrow();
    int place = counts.getOrDefault(EntityType.PLACE, 0);
    return place > 0 && 2 * place >= top.getValue() && key != null && gazetteer.isPlace(key)
        ? EntityType.PLACE
        : top.getKey();
  }

  /**
   * A spelled-out name before an acronym ("Syrian Democratic Forces", not "SDF"); then the most
   * frequent spelling; then the longer; then the alphabetically first (deterministic).
   */
  private static final Comparator<Map.Entry<String, Integer>> SPELLING_ORDER =
      Comparator.<Map.Entry<String, Integer>, Boolean>comparing(e -> !isAcronym(e.getKey()))
          .thenComparing(Map.Entry.comparingByValue())
          .thenComparing(e -> e.getKey().length())
          .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()));

  /**
   * The spellings' counts with each name of several words written all in capitals (a headline's
   * "MICHAEL DEAVER") counted for the same words as a sentence writes them ("Michael Deaver", its
   * most frequent such spelling, with no word in capitals), where the group has one: a name is
   * shown as a sentence writes it, however often the capitals. One word in capitals is an acronym
   * ("LIFFE", "ASEAN": {@link #SPELLING_ORDER} weighs those), and "BASF AG" is no headline's "BASF
   * Ag".
   */
  private static Map<String, Integer> capitalsCounted(Map<String, Integer> counts) {
    Map<String, Integer> out = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String caps = e.getKey();
      if (caps.indexOf(' ') < 0 || !isAllCaps(caps)) {
        continue;
      }
      String twin = null;
      for (Map.Entry<String, Integer> o : counts.entrySet()) {
        String s = o.getKey();
        if (s.equalsIgnoreCase(caps)
            && !hasWordInCapitals(s)
            && (twin == null || o.getValue() > counts.get(twin))) {
          twin = s;
        }
      }
      if (twin != null) {
        if (out == null) {
          out = new HashMap<>(counts);
        }
        out.merge(twin, out.remove(caps), Integer::sum);
      }
    }
    return out == null ? counts : out;
  }

  /**
   * A word of two letters or more, every one a capital, not an abbreviation with stops ("BASF Ag"
   * has one, "U.S. Steel" none).
   */
  private static boolean hasWordInCapitals(String name) {
    for (String word : name.split(" ")) {
      if (word.indexOf('.') < 0
          && word.chars().filter(Character::isLetter).count() >= 2
          && isAllCaps(word)) {
        return true;
      }
    }
    return false;
  }

  /** Some letter, every letter a capital. */
  private static boolean isAllCaps(String name) {
    boolean letter = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letter = true;
      }
    }
    return letter;
  }

  private static boolean isAcronym(String name) {
    return !name.contains(" ")
        && name.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }
}
