package org.dateline.enrich;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An outlet's own name as a feed title or a page's site name gives it, with the decoration taken
 * off: "reddit: the front page of the internet" is reddit, "Jornal de Notícias - Últimas Notícias"
 * is Jornal de Notícias. A name is trusted only when it fits the site's address (a label of the
 * host in it, or the host spelling its initials: jn.pt), so a section title such as "新闻国内" on
 * news.qq.com gives way to the address. Stateless and thread-safe.
 */
final class SiteNames {

  /** What separates a site's name from a slogan or a section: "Name: slogan", "Name - Section". */
  private static final Pattern DECORATION =
      Pattern.compile("\\s*(?::\\s|\\s[-|–—»·•]\\s|\\s::\\s).*$");

  /** Host labels that name a registry or a service, not the site. */
  private static final Set<String> GENERIC_LABELS =
      Set.of(
          "www",
          "com",
          "org",
          "net",
          "co",
          "news",
          "feeds",
          "feed",
          "rss",
          "blog",
          "blogspot",
          "wordpress",
          "gov",
          "edu",
          "ac");

  private SiteNames() {}

  /** The name before any slogan or section suffix ("Name: slogan", "Name - Section"). */
  static String undecorated(String title) {
    String t = title.strip().replaceAll("\\s+", " ");
    String name = DECORATION.matcher(t).replaceFirst("");
    return name.isBlank() ? t : name;
  }

  /** Whether {@code name} is plausibly the name of the site at {@code host}. */
  static boolean fitsHost(String name, String host) {
    return NameShape.of(name).fits(nameLabels(host));
  }

  /**
   * The labels of a host that could spell a site's name: all but the last (the country or generic
   * domain), without hyphens, leaving out one-letter labels and those of a registry or service.
   */
  static List<String> nameLabels(String host) {
    String[] labels = labels(host);
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < labels.length - 1; i++) {
      String label = labels[i].replace("-", "");
      if (label.length() >= 2 && !GENERIC_LABELS.contains(label)) {
        out.add(label);
      }
    }
    return out;
  }

  /**
   * The forms of a name a host label can spell, worked out once so that one name can be tried
   * against many hosts cheaply: the name squashed ("clevelandplaindealer"), its capitals' initials
   * ("cpd"), and its first words' initials before the rest in full ("latimes", "nypost").
   */
  record NameShape(String squashed, String initials, Set<String> initialsThenWords) {

    static NameShape of(String name) {
      StringBuilder initials = new StringBuilder();
      for (String word : name.split("[\\s\\p{Punct}]+")) {
        if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0))) {
          initials.appendCodePoint(Character.toLowerCase(word.codePointAt(0)));
        }
      }
      String[] words = name.strip().split("\\s+");
      Set<String> mixed = new java.util.HashSet<>();
      StringBuilder first = new StringBuilder();
      for (int i = 1; i < words.length; i++) {
        first.appendCodePoint(Character.toLowerCase(words[i - 1].codePointAt(0)));
        mixed.add(first + squash(String.join("", List.of(words).subList(i, words.length))));
      }
      return new NameShape(squash(name), initials.toString(), Set.copyOf(mixed));
    }

    /** Whether one of {@link #nameLabels} of a host spells this name. */
    boolean fits(List<String> nameLabels) {
      for (String label : nameLabels) {
        if (squashed.contains(label)
            || initials.equals(label)
            || initialsThenWords.contains(label)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A host's labels in lower case: "www", "cleveland", "com". */
  private static String[] labels(String host) {
    return host.toLowerCase(Locale.ROOT).split("\\.");
  }

  /** Whether a host spells a name whole in one of its labels (xinhuanet.com, Xinhua). */
  static boolean spellsName(String host, String name) {
    String squashed = squash(name);
    if (squashed.length() < 3) {
      return false;
    }
    for (String label : labels(host)) {
      if (label.replace("-", "").contains(squashed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a site name is nothing but one of the host's labels in lower case ("cleveland" on
   * cleveland.com): a publishing system's key for the site rather than the name it prints.
   */
  static boolean isBareLabel(String name, String host) {
    String n = name.strip();
    if (!n.matches("[a-z0-9]+")) {
      return false;
    }
    for (String label : labels(host)) {
      if (label.equals(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One spelling per name whatever case the source shouted it in: an all-capitals word of five
   * letters or more is a shout, not an acronym ("REUTERS" → "Reuters"); other spellings, lower case
   * included ("reddit", "nj.com"), are the outlet's own and kept.
   */
  static String foldCase(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split(" ", -1)) {
      boolean shout =
          word.length() >= 5
              && word.chars().noneMatch(Character::isDigit) // VG247 is a name, not a shout
              && word.equals(word.toUpperCase(Locale.ROOT))
              && !word.equals(word.toLowerCase(Locale.ROOT));
      out.append(out.isEmpty() ? "" : " ")
          .append(shout ? word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT) : word);
    }
    return out.toString();
  }

  /** A site name that is an address ("https://www.x.com", "x.com"): its host, else null. */
  static String asHost(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.startsWith("http://") || n.startsWith("https://")) {
      return Outlets.host(n).orElse(null);
    }
    return n.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+") ? n : null;
  }

  /** Lower case, accents and everything but letters and digits removed. */
  private static String squash(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
