package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class TopAndMatchesTest {

  /** 12 documents in two segments; "oil" in 6 of them (0, 3, 5, 7, 9, 11). */
  private static Directory index() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 12; i++) {
        Document d = new Document();
        boolean oil = i == 0 || i == 3 || i % 2 == 1 && i != 1;
        String text = (oil ? "oil " : "gas ") + "prices".repeat(1 + i % 3);
        d.add(new TextField("f", oil && i % 4 == 3 ? "oil oil " + text : text, Field.Store.NO));
        w.addDocument(d);
        if (i == 5) {
          w.commit();
        }
      }
    }
    return dir;
  }

  @Test
  void aPassThatSawEveryMatchHandsThemOverAsTheCountingPassFindsThem() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(reader);
      TermQuery oil = new TermQuery(new Term("f", "oil"));
      TopAndMatches.Result r =
          s.search(
              oil, new TopAndMatches(new TopFieldCollectorManager(Sort.RELEVANCE, 3, null, 1000)));
      assertNotNull(r.matching());
      assertEquals(List.of(0, 3, 5, 7, 9, 11), docs(r.matching()));
      assertEquals(docs(s.search(oil, new FacetsCollectorManager())), docs(r.matching()));
      assertEquals(3, r.top().scoreDocs.length);
      assertEquals(
          s.search(oil, new TopFieldCollectorManager(Sort.RELEVANCE, 3, null, 1000))
              .scoreDocs[0]
              .doc,
          r.top().scoreDocs[0].doc);
    }
  }

  @Test
  void aPassThatMaySkipKeepsNoMatches() throws IOException {
    try (Directory dir = index();
        DirectoryReader reader = DirectoryReader.open(dir)) {
      TopAndMatches.Result r =
          new IndexSearcher(reader)
              .search(
                  new TermQuery(new Term("f", "oil")),
                  new TopAndMatches(new TopFieldCollectorManager(Sort.RELEVANCE, 1, null, 2)));
      assertNull(r.matching());
    }
  }

  private static List<Integer> docs(FacetsCollector fc) throws IOException {
    List<Integer> out = new ArrayList<>();
    for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
      DocIdSetIterator it = md.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        out.add(md.context().docBase + d);
      }
    }
    return out;
  }
}
