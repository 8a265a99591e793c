package org.dateline.search.facet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;

/**
 * Counting from the heap copy of the ordinals gives exactly what Lucene's sorted-set counts give,
 * result for result (labels, counts, order, child counts, dimension values): on an index of four
 * segments with deletions, for a rare, a common and a match-all query, every dimension of the
 * schema, several top-N sizes, every article (match-all browsing), and one dimension counted alone.
 */
class OrdinalCountsTest {

  private static final String[] OUTLETS = {"Reuters", "BBC News", "The Guardian", "Le Monde"};

  @Test
  void aValuesLabelIsTheLastPartLuceneReadsFromItsPath() {
    for (String value :
        List.of(
            "Reuters",
            "a/b",
            "Mustafa Bali",
            "x\u001Fy",
            "x\u001Ey",
            "\u001F",
            "\u001E\u001F\u001E",
            "Zoë Ünal")) {
      String encoded = FacetsConfig.pathToString(Schema.PERSON, new String[] {value});
      String[] parts = FacetsConfig.stringToPath(encoded);
      assertEquals(parts[parts.length - 1], OrdinalCounts.label(encoded), encoded);
      assertEquals(value, OrdinalCounts.label(encoded));
    }
  }

  @Test
  void sameResultsAsLuceneSortedSetCounts() throws IOException {
    FacetsConfig config = Schema.facetsConfig();
    Random random = new Random(42);
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w =
          new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
        int id = 0;
        for (int segment = 0; segment < 4; segment++) {
          // the last segment is small, with a vocabulary much larger than its rare matches
          int docs = segment == 3 ? 300 : 2_000;
          for (int i = 0; i < docs; i++, id++) {
            Document d = new Document();
            d.add(new StringField("id", Integer.toString(id), Field.Store.NO));
            d.add(
                new StringField("k", random.nextInt(100) == 0 ? "rare" : "common", Field.Store.NO));
            d.add(
                new SortedSetDocValuesFacetField(
                    Schema.OUTLET, OUTLETS[random.nextInt(OUTLETS.length)]));
            int places = random.nextInt(4);
            for (int p = 0; p < places; p++) {
              d.add(
                  new SortedSetDocValuesFacetField(
                      Schema.PLACE, "place " + random.nextInt(segment == 3 ? 2_000 : 300)));
            }
            if (random.nextInt(4) == 0) {
              d.add(
                  new SortedSetDocValuesFacetField(Schema.PERSON, "person " + random.nextInt(50)));
            }
            w.addDocument(config.build(d));
          }
          w.commit();
        }
        for (int i = 0; i < 500; i++) {
          w.deleteDocuments(new Term("id", Integer.toString(random.nextInt(id))));
        }
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(4, reader.leaves().size());
        assertTrue(reader.hasDeletions());
        SortedSetDocValuesReaderState state =
            new DefaultSortedSetDocValuesReaderState(reader, config);
        // Before anything is loaded (nothing cached yet): a budget too small falls back.
        assertNull(FacetOrdinals.load(state, 1_000), "over the budget: Lucene's counting");
        assertNull(
            FacetOrdinals.load(state, 20_000),
            "room for where each document starts, not for its ordinals: Lucene's counting");
        assertNull(
            FacetOrdinals.load(state, 40_000),
            "the first segment fits, the rest does not: Lucene's counting");
        for (var leaf : reader.leaves()) {
          assertTrue(!FacetOrdinals.kept(leaf.reader()), "nothing kept from a failed load");
        }
        FacetOrdinals ordinals = FacetOrdinals.load(state, Long.MAX_VALUE);
        for (var leaf : reader.leaves()) {
          assertTrue(FacetOrdinals.kept(leaf.reader()), "kept for the next searcher");
        }
        assertNotNull(ordinals);
        IndexSearcher searcher = new IndexSearcher(reader);
        // labels kept from one count to the next, as a searcher keeps them for its requests
        OrdLabels known = new OrdLabels(state);
        int compared = 0;
        for (Query q :
            List.of(
                new TermQuery(new Term("k", "rare")),
                new TermQuery(new Term("k", "common")),
                new MatchAllDocsQuery())) {
          FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
          Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
          compared += compare(lucene, new OrdinalCounts(state, ordinals.count(hits)), q.toString());
          compared +=
              compare(lucene, new OrdinalCounts(state, ordinals.count(hits), known), q + " known");
          // one dimension alone (a multi-select request's sideways counts)
          for (String dim : Schema.FACET_DIMS) {
            var range = state.getOrdRange(dim);
            if (range != null) {
              for (Facets one :
                  List.of(
                      new OrdinalCounts(state, ordinals.count(hits, range)),
                      new OrdinalCounts(state, ordinals.count(hits, range), known))) {
                assertEquals(lucene.getAllChildren(dim), one.getAllChildren(dim), q + " / " + dim);
                assertEquals(
                    lucene.getTopChildren(10, dim), one.getTopChildren(10, dim), q + " / " + dim);
                compared++;
              }
            }
          }
        }
        compared +=
            compare(
                new SortedSetDocValuesFacetCounts(state),
                new OrdinalCounts(state, ordinals.countAll()),
                "every article");
        compared +=
            compare(
                new SortedSetDocValuesFacetCounts(state),
                new OrdinalCounts(state, ordinals.countAll(), known),
                "every article, labels known");
        assertTrue(compared > 40, "results compared: " + compared);
      }
    }
  }

  private static int compare(Facets lucene, Facets ours, String what) throws IOException {
    int compared = 0;
    for (String dim : Schema.FACET_DIMS) {
      for (int topN : new int[] {1, 3, 10, 10_000}) {
        FacetResult expected = lucene.getTopChildren(topN, dim);
        assertEquals(expected, ours.getTopChildren(topN, dim), what + " / " + dim + " top " + topN);
        compared += expected == null ? 0 : 1;
      }
      assertEquals(lucene.getAllChildren(dim), ours.getAllChildren(dim), what + " / " + dim);
    }
    assertEquals(
        lucene.getSpecificValue(Schema.OUTLET, "Reuters"),
        ours.getSpecificValue(Schema.OUTLET, "Reuters"),
        what);
    assertEquals(
        lucene.getSpecificValue(Schema.PLACE, "nowhere"),
        ours.getSpecificValue(Schema.PLACE, "nowhere"),
        what);
    assertEquals(lucene.getAllDims(5), ours.getAllDims(5), what);
    return compared;
  }
}
