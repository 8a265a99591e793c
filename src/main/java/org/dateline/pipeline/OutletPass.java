package org.dateline.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.enrich.OutletNames;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;

/**
 * Gives each outlet one name across the index ({@link OutletNames}): the articles whose outlet is a
 * site's address are rewritten under the name the archive's own pages on that site give, in
 * whichever order the two were indexed. Runs after every ingest (the {@code index} command, uploads
 * and the watched folder), so an older index gets it at its next run. Reads only the outlet facet's
 * values and, for an address, the pages of the few names that could be its site's; sidecar outlets
 * are left as the user gave them. Not thread-safe: one pass at a time per index.
 */
public final class OutletPass {

  /** Pages of one name read for evidence at most (a name's pages are mostly on one site). */
  private static final int EVIDENCE_PAGES = 200;

  /** What a pass did: each address named, and how many articles it rewrote. */
  public record Result(Map<String, String> names, int rewritten) {}

  private OutletPass() {}

  /** Names the addresses it can, rewrites their articles and commits when it rewrote any. */
  public static Result run(ArticleIndex index) throws IOException {
    Map<String, String> names = new TreeMap<>();
    List<EntityPass.Stored> renamed = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<String> values = outletValues(reader);
      OutletNames.Candidates candidates = new OutletNames.Candidates(values, Schema.UNKNOWN_OUTLET);
      for (String address : values) {
        // a value whose articles were all renamed stays in the terms until a merge drops it
        if (!OutletNames.isAddress(address) || searcher.count(outlet(address)) == 0) {
          continue;
        }
        String name = nameOf(searcher, address, candidates.of(address));
        if (name == null) {
          continue;
        }
        names.put(address, name);
        EntityPass.forEachStored(
            searcher,
            outlet(address),
            s -> {
              if (!"sidecar".equals(s.article().provenance().get("outlet"))) {
                Article again = s.article().withOutlet(name, OutletNames.PROVENANCE);
                renamed.add(new EntityPass.Stored(again, s.source(), s.story(), s.minHashValues()));
              }
            });
      }
    }
    for (EntityPass.Stored s : renamed) {
      index.rewrite(s.article(), s.source(), s.story(), s.minHashValues());
    }
    if (!renamed.isEmpty()) {
      index.commit(Map.of());
    }
    return new Result(names, renamed.size());
  }

  /** The name the site's own pages give, among the names that could be its; null if none. */
  private static String nameOf(IndexSearcher searcher, String address, List<String> candidates)
      throws IOException {
    Map<String, Integer> pagesByName = new TreeMap<>();
    StoredFields fields = searcher.storedFields();
    for (String name : candidates) {
      int onSite = 0;
      for (ScoreDoc hit : searcher.search(outlet(name), EVIDENCE_PAGES).scoreDocs) {
        if (OutletNames.onSite(Schema.toArticle(fields.document(hit.doc)).url(), address)) {
          onSite++;
        }
      }
      if (onSite > 0) {
        pagesByName.put(name, onSite);
      }
    }
    return OutletNames.choose(pagesByName);
  }

  private static Query outlet(String value) {
    DrillDownQuery q = new DrillDownQuery(Schema.facetsConfig());
    q.add(Schema.OUTLET, value);
    return q;
  }

  /** Every value of the outlet facet, from its drill-down terms. */
  private static List<String> outletValues(DirectoryReader reader) throws IOException {
    List<String> out = new ArrayList<>();
    String field = Schema.facetsConfig().getDimConfig(Schema.OUTLET).indexFieldName;
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return out;
    }
    // a drill-down term is the dimension, a delimiter, then the value
    String prefix = Schema.OUTLET + FacetsConfig.DELIM_CHAR;
    TermsEnum te = terms.iterator();
    if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
      return out;
    }
    for (BytesRef t = te.term(); t != null; t = te.next()) {
      String path = t.utf8ToString();
      if (!path.startsWith(prefix)) {
        break;
      }
      out.add(path.substring(prefix.length()));
    }
    return out;
  }
}
