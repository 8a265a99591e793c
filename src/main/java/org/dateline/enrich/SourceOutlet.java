package org.dateline.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dateline.ingest.MetaValue;
import org.dateline.ingest.SourceDoc;

/**
 * The outlet a source's own fields name (a page's site name, a feed's title, a wire item's
 * provider), one value per outlet: a known outlet under its canonical name, by any of its names or
 * by the article's address; otherwise the site's own name without decoration and in one case, when
 * it fits the address (else the address decides, in {@link Enricher}). A wire agency named as the
 * publisher of a page at another outlet's address is the story's source, not the outlet: Hearst's
 * papers name "Associated Press" the publisher of every AP story they run. Stateless.
 */
final class SourceOutlet {

  private SourceOutlet() {}

  static Optional<Outlets.Found> pick(Outlets outlets, Agencies agencies, SourceDoc doc) {
    for (MetaValue candidate : doc.outlets()) {
      String value = candidate.value();
      Optional<String> known =
          value.isBlank()
              ? Optional.empty()
              : outlets.known(value).or(() -> outlets.known(SiteNames.undecorated(value)));
      if (known.isPresent() && !wireElsewhere(outlets, agencies, doc, value)) {
        return Optional.of(new Outlets.Found(known.get(), candidate.source()));
      }
    }
    Optional<String> byAddress = outlets.knownFromUrl(doc.url());
    if (byAddress.isPresent()) {
      return Optional.of(new Outlets.Found(byAddress.get(), "url"));
    }
    Optional<String> host = Outlets.host(doc.url());
    List<MetaValue> candidates = doc.outlets();
    for (int i = 0; i < candidates.size(); i++) {
      MetaValue candidate = candidates.get(i);
      String value = candidate.value();
      if (value.isBlank()
          || value.startsWith("@") // a social-media handle, not the site's name
          || wireElsewhere(outlets, agencies, doc, value)
          || addressOfItLater(value, candidates.subList(i + 1, candidates.size()))) {
        continue;
      }
      String address = SiteNames.asHost(value);
      if (address == null && host.isPresent() && SiteNames.isBareLabel(value, host.get())) {
        // "cleveland" on cleveland.com, "nj" on nj.com: a publishing system's key, not a name
        address = host.get();
      }
      if (address != null) {
        // a site "name" that is an address: the address's outlet, as from a URL
        return outlets
            .fromUrl("https://" + address + "/")
            .map(o -> new Outlets.Found(o, candidate.source()));
      }
      String name = SiteNames.undecorated(value);
      if (host.isEmpty() || SiteNames.fitsHost(name, host.get())) {
        return Optional.of(new Outlets.Found(SiteNames.foldCase(name), candidate.source()));
      }
    }
    return Optional.empty();
  }

  /**
   * The wire agencies the source names as its publisher although its address is another outlet's
   * (canonical agency names): the story's credit, where no byline or dateline may give it.
   */
  static List<String> wiresAsPublisher(Outlets outlets, Agencies agencies, SourceDoc doc) {
    List<String> wires = new ArrayList<>();
    for (MetaValue candidate : doc.outlets()) {
      if (wireElsewhere(outlets, agencies, doc, candidate.value())) {
        agencies.known(candidate.value()).ifPresent(wires::add);
      }
    }
    return wires;
  }

  /** A wire agency's name given for a page whose address belongs to someone else. */
  private static boolean wireElsewhere(
      Outlets outlets, Agencies agencies, SourceDoc doc, String value) {
    if (value.isBlank() || agencies.known(value).isEmpty()) {
      return false;
    }
    Optional<String> host = Outlets.host(doc.url());
    if (host.isEmpty()) {
      return false; // a wire item or a feed without addresses: the agency is its own outlet
    }
    Optional<String> owner = outlets.knownFromUrl(doc.url());
    if (owner.isEmpty()) {
      // xinhuanet.com is Xinhua's own
      return !SiteNames.fitsHost(value, host.get()) && !SiteNames.spellsName(host.get(), value);
    }
    return !owner.equals(outlets.known(value));
  }

  /**
   * Whether the source later names its site as this one-word name followed by a domain ("Space",
   * then "Space.com"): the name is short for the address, which names the site.
   */
  private static boolean addressOfItLater(String value, List<MetaValue> later) {
    String word = value.strip();
    if (word.contains(" ")) {
      return false;
    }
    String prefix = word.toLowerCase(Locale.ROOT) + ".";
    for (MetaValue other : later) {
      if ("url".equals(other.source())) {
        continue; // the address the reader added, not a name the source gives
      }
      String v = other.value().strip().toLowerCase(Locale.ROOT);
      if (v.startsWith(prefix) && SiteNames.asHost(v) != null) {
        return true;
      }
    }
    return false;
  }
}
