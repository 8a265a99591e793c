package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.story.Fingerprint;
import org.dateline.index.Schema;
import org.dateline.index.StoryStamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page of stories read from the top hits ({@link StoryCollapse#page}) against the pass that
 * keeps the best copy of every story ({@link StoryCollapse#everyStory}), page for page, on 1,200
 * articles in stories of 1 to 12 copies, some undated, in several segments.
 */
class StoryCollapseTest {

  private static final String[] WORDS = {"quay", "storm", "bank", "court", "fish", "rail", "port"};

  private static Directory dir;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    Random random = new Random(16);
    // Adjacent segments merge in order: doc order stays id order, so both paths break ties alike.
    IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(new LogDocMergePolicy());
    try (IndexWriter w = new IndexWriter(dir, config)) {
      int doc = 0;
      for (int story = 0; doc < 1200; story++) {
        int copies = 1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 2);
        for (int c = 0; c < copies && doc < 1200; c++, doc++) {
          w.addDocument(article(doc, story, random));
          if (doc % 150 == 149) {
            w.flush();
          }
        }
      }
    }
    reader = DirectoryReader.open(dir);
    assertTrue(reader.leaves().size() > 1, "several segments");
  }

  private static Document article(int n, int story, Random random) {
    Document doc = Schema.storyFields(new StoryStamp(1000L + story * 7919L, Fingerprint.NONE));
    String id = String.format(java.util.Locale.ROOT, "a%05d", n);
    doc.add(new StringField(Schema.ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(id)));
    StringBuilder text = new StringBuilder();
    for (int i = 0, words = 3 + random.nextInt(20); i < words; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    doc.add(new TextField(Schema.BODY, text.toString(), Field.Store.NO));
    if (random.nextInt(10) > 0) {
      doc.add(new NumericDocValuesField(Schema.DATE, random.nextInt(5_000) * 60_000L));
    }
    return doc;
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void pagesFromTheTopHitsAreThePagesOfEveryStory() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    BooleanQuery either =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.BODY, "quay")), BooleanClause.Occur.SHOULD)
            .add(new TermQuery(new Term(Schema.BODY, "court")), BooleanClause.Occur.SHOULD)
            .build();
    List<Query> queries =
        List.of(new TermQuery(new Term(Schema.BODY, "fish")), either, new MatchAllDocsQuery());
    int pages = 0;
    for (Query q : queries) {
      for (SortOrder sort : SortOrder.values()) {
        for (int[] page : new int[][] {{0, 10}, {10, 10}, {0, 50}, {200, 25}, {0, 1}, {2000, 10}}) {
          StoryCollapse.Page fast =
              StoryCollapse.page(searcher, q, sort, page[0], page[1], Deadline.NONE);
          StoryCollapse.Page every =
              StoryCollapse.everyStory(searcher, q, sort, page[0], page[1], Deadline.NONE);
          String what = q + " " + sort + " " + page[0] + "+" + page[1];
          assertEquals(docs(every.hits()), docs(fast.hits()), what);
          assertEquals(every.stories(), fast.stories(), what);
          assertEquals(every.articles(), fast.articles(), what);
          assertEquals(every.more(), fast.more(), what);
          // Reusing the plain search's top hits and its pass over every match: the same page.
          StoryCollapse.Page reused = reusing(searcher, q, sort, page[0], page[1]);
          assertEquals(docs(every.hits()), docs(reused.hits()), "reused " + what);
          assertEquals(every.stories(), reused.stories(), "reused " + what);
          assertEquals(every.articles(), reused.articles(), "reused " + what);
          assertEquals(every.more(), reused.more(), "reused " + what);
          pages++;
        }
      }
    }
    assertEquals(54, pages);
    // The match-all query: 1,200 articles; its stories are fewer.
    StoryCollapse.Page all =
        StoryCollapse.page(
            searcher, new MatchAllDocsQuery(), SortOrder.NEWEST, 0, 10, Deadline.NONE);
    assertEquals(1200, all.articles());
    assertTrue(all.stories() < 1200 && all.stories() > 200, all.stories() + " stories");
  }

  /** {@link StoryCollapse#page} given the passes the plain search of {@code q} makes. */
  private static StoryCollapse.Page reusing(
      IndexSearcher searcher, Query q, SortOrder sort, int offset, int size) throws IOException {
    ScoreDoc[] plainTop =
        searcher.search(
                q,
                new TopFieldCollectorManager(SearchPlan.sort(sort), offset + size + 1, null, 1000))
            .scoreDocs;
    FacetsCollector matching = searcher.search(q, new FacetsCollectorManager());
    return StoryCollapse.page(searcher, q, sort, offset, size, Deadline.NONE, plainTop, matching);
  }

  private static List<Integer> docs(List<FieldDoc> hits) {
    List<Integer> out = new ArrayList<>();
    hits.forEach(h -> out.add(h.doc));
    return out;
  }
}
