package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.kwic.Kwic;

/** One article read whole for the document view, with the spans a query matches in its text. */
final class DocumentReader {

  private DocumentReader() {}

  /**
   * The article {@code id} on {@code searcher}, or null; with the spans of {@code query} (none when
   * the query is blank).
   */
  static DocumentView read(SearchService search, IndexSearcher searcher, String id, String query)
      throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    int doc = top.scoreDocs[0].doc;
    Article a = Schema.toArticle(searcher.storedFields().document(doc));
    List<Span> matches = new ArrayList<>();
    if (query != null && !query.isBlank()) {
      Weight weight =
          searcher.createWeight(
              search.rewrite(
                  searcher, QueryFactory.parse(query, search.limits()), search.deadline()),
              ScoreMode.COMPLETE_NO_SCORES,
              1f);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      for (int[] span : Kwic.spans(weight, leaf, doc - leaf.docBase, a.text(), a.language())) {
        matches.add(new Span(span[0], span[1]));
      }
    }
    return new DocumentView(
        HitBuilder.hit(a, List.of(), 0, null, null, ShownPath.roots(searcher)),
        a.contentType(),
        a.contentHash(),
        a.mentions(),
        a.provenance(),
        matches,
        null,
        a.text());
  }
}
