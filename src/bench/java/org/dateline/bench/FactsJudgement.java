package org.dateline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.enrich.OutletNames;

/**
 * Judges the outlet and the publication date Dateline read from each saved page against what the
 * page's true address says: the outlet against a list of the names each site goes by, labelled by
 * reading ({@code bench/outlets-labelled.tsv}), the date against the day or month the address
 * itself prints (/2019/11/18/), which the corpus gives for a third of its pages. Thread-safe.
 */
public final class FactsJudgement {

  /** The outlet labels' default location, relative to the project root. */
  public static final Path DEFAULT_LABELS = Path.of("bench/outlets-labelled.tsv");

  /** Year, month and, optionally, day in an address's path. */
  private static final Pattern ADDRESS_DATE =
      Pattern.compile("/((?:19|20)\\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\\d|3[01]))?/");

  /** Outlet verdicts. */
  public enum Outlet {
    NAME,
    ADDRESS,
    WRONG,
    MISSING,
    UNLABELLED
  }

  /** Date verdicts against the address's date. */
  public enum Date {
    SAME_DAY,
    DAY_APART,
    WRONG,
    MISSING,
    SAME_MONTH,
    NO_ADDRESS_DATE
  }

  /** One page's verdicts, with the values compared. */
  public record Verdict(
      String id, String url, Outlet outlet, String foundOutlet, Date date, String foundDay) {}

  private final Map<String, Set<String>> names;

  private FactsJudgement(Map<String, Set<String>> names) {
    this.names = names;
  }

  /** Reads the labels: lines "host TAB name|name...", '#' lines are comments. */
  public static FactsJudgement read(Path labels) throws IOException {
    Map<String, Set<String>> names = new HashMap<>();
    for (String line : Files.readAllLines(labels)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      Set<String> accepted = new java.util.HashSet<>();
      for (String n : cols[1].split("\\|")) {
        accepted.add(n.strip().toLowerCase(Locale.ROOT));
      }
      names.put(cols[0].strip(), accepted);
    }
    return new FactsJudgement(names);
  }

  /** The verdicts on one page read as stored ({@code facts} null when reading failed). */
  public Verdict judge(String id, String url, StoredPageFacts.Facts facts) {
    String outlet = facts == null ? null : facts.foundOutlet();
    String day = facts == null ? null : facts.foundDay();
    return new Verdict(id, url, outlet(url, outlet), outlet, date(url, day), day);
  }

  private Outlet outlet(String url, String found) {
    String host = host(url);
    Set<String> accepted = names.get(host);
    if (accepted == null) {
      return Outlet.UNLABELLED;
    }
    if (found == null) {
      return Outlet.MISSING;
    }
    String f = found.strip().toLowerCase(Locale.ROOT);
    if (accepted.contains(f)) {
      return Outlet.NAME;
    }
    // the address itself, or a shorter host of it ("ap.org" for hosted.ap.org)
    boolean address = f.contains(".") && (host.equals(f) || host.endsWith("." + f));
    return address ? Outlet.ADDRESS : Outlet.WRONG;
  }

  static Date date(String url, String foundDay) {
    Matcher m = ADDRESS_DATE.matcher(url == null ? "" : url);
    if (!m.find()) {
      return Date.NO_ADDRESS_DATE;
    }
    if (foundDay == null) {
      return Date.MISSING;
    }
    LocalDate found = LocalDate.parse(foundDay);
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    if (m.group(3) == null) {
      return found.getYear() == year && found.getMonthValue() == month
          ? Date.SAME_MONTH
          : Date.WRONG;
    }
    LocalDate stated = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
    long apart = Math.abs(found.toEpochDay() - stated.toEpochDay());
    return apart == 0 ? Date.SAME_DAY : apart == 1 ? Date.DAY_APART : Date.WRONG;
  }

  private static String host(String url) {
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Verdict counts of one kind, in the enum's order. */
  public static <E extends Enum<E>> Map<String, Long> counts(
      List<Verdict> verdicts, Class<E> kind, java.util.function.Function<Verdict, E> of) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (E e : kind.getEnumConstants()) {
      out.put(
          e.name().toLowerCase(Locale.ROOT),
          verdicts.stream().filter(v -> of.apply(v) == e).count());
    }
    return out;
  }

  /**
   * The hosts whose pages show under more than one outlet value, as each page reads alone and after
   * the index's archive-wide pass ({@link org.dateline.pipeline.OutletPass}, the same rule on the
   * same pages): host to its values.
   */
  public static Map<String, Set<String>> splitOutlets(List<Verdict> verdicts, boolean archive) {
    Map<String, String> named = new HashMap<>();
    if (archive) {
      for (Verdict v : verdicts) {
        String address = v.foundOutlet();
        if (!OutletNames.isAddress(address) || named.containsKey(address)) {
          continue;
        }
        Map<String, Integer> pagesByName = new java.util.TreeMap<>();
        for (Verdict w : verdicts) {
          String name = w.foundOutlet();
          if (name != null
              && OutletNames.couldName(name, address)
              && OutletNames.onSite(w.url(), address)) {
            pagesByName.merge(name, 1, Integer::sum);
          }
        }
        String name = OutletNames.choose(pagesByName);
        if (name != null) {
          named.put(address, name);
        }
      }
    }
    Map<String, Set<String>> byHost = new java.util.TreeMap<>();
    for (Verdict v : verdicts) {
      if (v.foundOutlet() != null) {
        byHost
            .computeIfAbsent(host(v.url()), h -> new java.util.TreeSet<>())
            .add(named.getOrDefault(v.foundOutlet(), v.foundOutlet()));
      }
    }
    byHost.values().removeIf(values -> values.size() < 2);
    return byHost;
  }

  /** Prints the counts and every page judged wrong, a day apart or missing. */
  public static void print(List<Verdict> verdicts) {
    System.out.println(
        "hosts under two outlet values, each page alone: " + splitOutlets(verdicts, false));
    System.out.println(
        "  after the index's archive-wide pass (OutletPass): " + splitOutlets(verdicts, true));
    System.out.println(
        "outlet against the labels: " + counts(verdicts, Outlet.class, Verdict::outlet));
    System.out.println(
        "date against the address's own date: " + counts(verdicts, Date.class, Verdict::date));
    List<String> lines = new ArrayList<>();
    for (Verdict v : verdicts) {
      if (v.outlet() == Outlet.WRONG || v.outlet() == Outlet.UNLABELLED) {
        lines.add("  outlet " + v.outlet() + " \"" + v.foundOutlet() + "\"  " + v.url());
      }
      if (v.date() == Date.WRONG || v.date() == Date.DAY_APART || v.date() == Date.MISSING) {
        lines.add("  date " + v.date() + " " + v.foundDay() + "  " + v.url());
      }
    }
    lines.stream().sorted().forEach(System.out::println);
  }
}
