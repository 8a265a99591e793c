package org.dateline.enrich;

import java.util.Optional;
import org.dateline.ingest.MetaValue;
import org.dateline.ingest.SourceDoc;

/**
 * The outlet a source's own fields name (a page's site name, a feed's title, a wire item's
 * provider), one value per outlet: a known outlet under its canonical name, by any of its names or
 * by the article's address; otherwise the site's own name without decoration and in one case, when
 * it fits the address (else the address decides, in {@link Enricher}). Stateless.
 */
final class SourceOutlet {

  private SourceOutlet() {}

  static Optional<Outlets.Found> pick(Outlets outlets, SourceDoc doc) {
    for (MetaValue candidate : doc.outlets()) {
      String value = candidate.value();
      Optional<String> known =
          value.isBlank()
              ? Optional.empty()
              : outlets.known(value).or(() -> outlets.known(SiteNames.undecorated(value)));
      if (known.isPresent()) {
        return Optional.of(new Outlets.Found(known.get(), candidate.source()));
      }
    }
    Optional<String> byAddress = outlets.knownFromUrl(doc.url());
    if (byAddress.isPresent()) {
      return Optional.of(new Outlets.Found(byAddress.get(), "url"));
    }
    Optional<String> host = Outlets.host(doc.url());
    for (MetaValue candidate : doc.outlets()) {
      if (candidate.value().isBlank()) {
        continue;
      }
      String address = SiteNames.asHost(candidate.value());
      if (address != null) {
        // a site "name" that is an address: the address's outlet, as from a URL
        return outlets
            .fromUrl("https://" + address + "/")
            .map(o -> new Outlets.Found(o, candidate.source()));
      }
      String name = SiteNames.undecorated(candidate.value());
      if (host.isEmpty() || SiteNames.fitsHost(name, host.get())) {
        return Optional.of(new Outlets.Found(SiteNames.foldCase(name), candidate.source()));
      }
    }
    return Optional.empty();
  }
}
