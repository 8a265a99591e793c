package org.dateline.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One name per outlet across an archive: an article whose outlet is only its site's address
 * ("nbcnews.com": a copy that names no outlet, a page whose own name did not fit) takes the name
 * the archive's other pages on that site give themselves ("NBC News"), when one does. Which name:
 * one that could name the site ({@link SiteNames#fitsHost}), given by the most pages on it; a tie
 * goes to the first in alphabetical order, so every run picks the same. Stateless and thread-safe.
 */
public final class OutletNames {

  /** The provenance of an outlet named this way. */
  public static final String PROVENANCE = "the name the archive's pages on this address give";

  private OutletNames() {}

  /** Whether an outlet value is a site's address ("nbcnews.com"), not a name. */
  public static boolean isAddress(String outlet) {
    return outlet != null && SiteNames.asHost(outlet) != null && outlet.equals(outlet.strip());
  }

  /** Whether {@code name} (not an address) could be the name of the site at {@code address}. */
  public static boolean couldName(String name, String address) {
    return !isAddress(name) && SiteNames.fitsHost(name, address);
  }

  /**
   * The names among an archive's outlet values, each shaped once, to be tried against its
   * addresses: {@link #couldName} for many addresses at once, at the cost of a few string
   * comparisons a pair (an archive of thousands of sites asks millions of pairs).
   */
  public static final class Candidates {

    private final Map<String, SiteNames.NameShape> shapes = new LinkedHashMap<>();

    /** The values that are names, not addresses, in their order; {@code skip} is left out. */
    public Candidates(Iterable<String> values, String skip) {
      for (String v : values) {
        if (!v.equals(skip) && !isAddress(v)) {
          shapes.put(v, SiteNames.NameShape.of(v));
        }
      }
    }

    /** The names that could name the site at {@code address}, in the values' order. */
    public List<String> of(String address) {
      List<String> labels = SiteNames.nameLabels(address);
      List<String> out = new ArrayList<>();
      shapes.forEach(
          (name, shape) -> {
            if (shape.fits(labels)) {
              out.add(name);
            }
          });
      return out;
    }
  }

  /** Whether {@code url} is on the site at {@code address} (its host, or a host below it). */
  public static boolean onSite(String url, String address) {
    return Outlets.host(url).map(h -> h.equals(address) || h.endsWith("." + address)).orElse(false);
  }

  /**
   * The name for an address, from how many of the site's own pages give each name; null when none
   * does.
   */
  public static String choose(Map<String, Integer> pagesByName) {
    String best = null;
    int most = 0;
    for (Map.Entry<String, Integer> e : pagesByName.entrySet()) {
      int n = e.getValue();
      if (n > most || n == most && n > 0 && e.getKey().compareTo(best) < 0) {
        best = e.getKey();
        most = n;
      }
    }
    return best;
  }
}
