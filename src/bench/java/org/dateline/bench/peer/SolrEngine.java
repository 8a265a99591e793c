package org.dateline.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.dateline.bench.mix.MixRequest;

/**
 * The Solr peer's side ({@code ../shared/peers/solr}, core {@code news}), with the parameters of
 * the peer's own client: {@code defType=lucene q.op=AND df=body rows=10}, facet fields outlet,
 * place, person and organization (10 values), a monthly date range facet over {@code
 * histogramYear}, unified highlighting of 3 snippets of 120 characters in the body. Filters are
 * {@code fq}s; with {@code multiselect} each is tagged and left out of its own facet, the work
 * Dateline's DrillSideways does. {@code kwicLines} asks for word-bounded lines centred on the
 * match.
 */
public record SolrEngine(String baseUrl, boolean multiselect, boolean kwicLines, int histogramYear)
    implements Engine {

  private static final String[] FACET_FIELDS = {"outlet", "place", "person", "organization"};

  @Override
  public String name() {
    return "solr";
  }

  @Override
  public String path(MixRequest r) {
    StringBuilder p = new StringBuilder("/solr/news/select?q=").append(enc(r.query()));
    p.append("&defType=lucene&q.op=AND&df=body&rows=10&wt=json");
    p.append("&fl=").append(enc("id,title,date,outlet,place,person,organization,score"));
    p.append("&facet=true&facet.limit=10&facet.mincount=1");
    for (String field : FACET_FIELDS) {
      boolean filtered = r.filters().stream().anyMatch(f -> f.dim().equals(field));
      String ex = multiselect && filtered ? "{!ex=sel_" + field + "}" : "";
      p.append("&facet.field=").append(enc(ex + field));
    }
    String dateEx = multiselect && r.from() != null ? "{!ex=sel_date}" : "";
    p.append("&facet.range=").append(enc(dateEx + "date"));
    p.append("&facet.range.start=").append(enc(histogramYear + "-01-01T00:00:00Z"));
    p.append("&facet.range.end=").append(enc((histogramYear + 1) + "-01-01T00:00:00Z"));
    p.append("&facet.range.gap=").append(enc("+1MONTH"));
    p.append("&hl=true&hl.method=unified&hl.fl=body&hl.snippets=3&hl.fragsize=120");
    if (kwicLines) {
      p.append("&hl.bs.type=WORD&hl.fragAlignRatio=0.5&hl.fragsizeIsMinimum=false");
    }
    for (MixRequest.Filter f : r.filters()) {
      String tag = multiselect ? " tag=sel_" + f.dim() : "";
      p.append("&fq=").append(enc("{!term f=" + f.dim() + tag + "}" + f.value()));
    }
    if (r.from() != null) {
      String tag = multiselect ? "{!tag=sel_date}" : "";
      p.append("&fq=")
          .append(enc(tag + "date:[" + day(r.from()) + " TO " + day(r.to().plusDays(1)) + "}"));
    }
    return p.toString();
  }

  @Override
  public long found(JsonNode answer) {
    if (!answer.has("highlighting") || !answer.has("facet_counts")) {
      throw new IllegalArgumentException("answer lacks highlighting or facet_counts");
    }
    return answer.get("response").get("numFound").asLong();
  }

  private static String day(LocalDate d) {
    return d + "T00:00:00Z";
  }

  private static String enc(String s) {
    return DatelineEngine.enc(s);
  }
}
