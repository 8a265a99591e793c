package org.dateline.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetField;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.taxonomy.FastTaxonomyFacetCounts;
import org.apache.lucene.facet.taxonomy.directory.DirectoryTaxonomyReader;
import org.apache.lucene.facet.taxonomy.directory.DirectoryTaxonomyWriter;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.search.BadRequestException;
import org.dateline.search.QueryFactory;

/**
 * The two facet implementations Lucene offers, compared on the entity dimensions (person,
 * organization, place) of the same articles: sorted-set doc values (what Dateline uses; ordinal map
 * built when a searcher opens) and the taxonomy index (ordinals in a side index, counted with
 * {@link FastTaxonomyFacetCounts}). Two scratch indexes hold title, body and the three dimensions,
 * one per implementation; each query's matches are collected once per index, then only the counting
 * (top 10 of each dimension) is timed, the two interleaved query by query.
 */
public final class FacetImplBench {

  /** One implementation's figures; counting times in milliseconds. */
  public record Impl(
      String name,
      long buildMs,
      long indexBytes,
      long openMs,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double meanMs) {}

  /** Both, and whether they agreed on every count. */
  public record Result(
      long articles,
      int queries,
      int passes,
      Impl sortedSet,
      Impl taxonomy,
      boolean sameCounts,
      double loadAverage) {}

  private FacetImplBench() {}

  public static Result run(
      Path jsonl, long maxArticles, List<String> queries, Path scratch, int passes)
      throws IOException {
    FacetsConfig config = new FacetsConfig();
    for (String dim : Schema.ENTITY_DIMS) {
      config.setMultiValued(dim, true);
    }
    Path ssdvDir = scratch.resolve("ssdv");
    Path taxoIndexDir = scratch.resolve("taxo-index");
    Path taxoDir = scratch.resolve("taxo");
    long[] build = new long[2];
    long articles;
    try (Directory sd = FSDirectory.open(ssdvDir);
        Directory td = FSDirectory.open(taxoIndexDir);
        Directory tx = FSDirectory.open(taxoDir);
        IndexWriter ssdv = new IndexWriter(sd, new IndexWriterConfig(Schema.indexAnalyzer()));
        IndexWriter taxoIndex = new IndexWriter(td, new IndexWriterConfig(Schema.indexAnalyzer()));
        DirectoryTaxonomyWriter taxo = new DirectoryTaxonomyWriter(tx)) {
      articles = fill(jsonl, maxArticles, config, ssdv, taxoIndex, taxo, build);
    }
    List<Query> parsed = new ArrayList<>();
    for (String q : queries) {
      try {
        parsed.add(QueryFactory.parse(q));
      } catch (BadRequestException e) {
        // a query of fields these scratch indexes lack: left out
      }
    }
    try (Directory sd = FSDirectory.open(ssdvDir);
        Directory td = FSDirectory.open(taxoIndexDir);
        Directory tx = FSDirectory.open(taxoDir);
        DirectoryReader sr = DirectoryReader.open(sd);
        DirectoryReader tr = DirectoryReader.open(td);
        DirectoryTaxonomyReader taxoReader = new DirectoryTaxonomyReader(tx)) {
      long t0 = System.nanoTime();
      SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(sr, config);
      long ssdvOpenMs = (System.nanoTime() - t0) / 1_000_000;
      IndexSearcher ss = new IndexSearcher(sr);
      IndexSearcher ts = new IndexSearcher(tr);
      long[][] nanos = new long[2][parsed.size() * passes];
      boolean same = true;
      for (int p = -2; p < passes; p++) { // two warm-up passes
        for (int i = 0; i < parsed.size(); i++) {
          FacetsCollector a = ss.search(parsed.get(i), new FacetsCollectorManager());
          FacetsCollector b = ts.search(parsed.get(i), new FacetsCollectorManager());
          long s0 = System.nanoTime();
          String ca = top(new SortedSetDocValuesFacetCounts(state, a));
          long s1 = System.nanoTime();
          String cb = top(new FastTaxonomyFacetCounts(taxoReader, config, b));
          long s2 = System.nanoTime();
          same &= ca.equals(cb);
          if (p >= 0) {
            nanos[0][p * parsed.size() + i] = s1 - s0;
            nanos[1][p * parsed.size() + i] = s2 - s1;
          }
        }
      }
      return new Result(
          articles,
          parsed.size(),
          passes,
          impl("sorted-set doc values", build[0], BenchFiles.sizeOf(ssdvDir), ssdvOpenMs, nanos[0]),
          impl(
              "taxonomy",
              build[1],
              BenchFiles.sizeOf(taxoIndexDir) + BenchFiles.sizeOf(taxoDir),
              0,
              nanos[1]),
          same,
          BenchFiles.loadAverage());
    }
  }

  private static long fill(
      Path jsonl,
      long max,
      FacetsConfig config,
      IndexWriter ssdv,
      IndexWriter taxoIndex,
      DirectoryTaxonomyWriter taxo,
      long[] buildNanos)
      throws IOException {
    ObjectReader reader =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .readerFor(Article.class);
    long n = 0;
    try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null && n < max; line = in.readLine(), n++) {
        Article a = reader.readValue(line);
        long t0 = System.nanoTime();
        Document d1 = text(a);
        for (String dim : Schema.ENTITY_DIMS) {
          for (String v : a.entities().getOrDefault(dim, List.of())) {
            d1.add(new SortedSetDocValuesFacetField(dim, v));
          }
        }
        ssdv.addDocument(config.build(d1));
        long t1 = System.nanoTime();
        Document d2 = text(a);
        for (String dim : Schema.ENTITY_DIMS) {
          for (String v : a.entities().getOrDefault(dim, List.of())) {
            d2.add(new FacetField(dim, v));
          }
        }
        taxoIndex.addDocument(config.build(taxo, d2));
        long t2 = System.nanoTime();
        buildNanos[0] += t1 - t0;
        buildNanos[1] += t2 - t1;
      }
    }
    long t0 = System.nanoTime();
    ssdv.commit();
    long t1 = System.nanoTime();
    taxo.commit();
    taxoIndex.commit();
    long t2 = System.nanoTime();
    buildNanos[0] = (buildNanos[0] + t1 - t0) / 1_000_000;
    buildNanos[1] = (buildNanos[1] + t2 - t1) / 1_000_000;
    return n;
  }

  private static Document text(Article a) {
    Document d = new Document();
    d.add(new TextField(Schema.TITLE, a.title(), Field.Store.NO));
    d.add(new TextField(Schema.BODY, a.text(), Field.Store.NO));
    return d;
  }

  /**
   * Top-10 counts of each entity dimension, as text, so the two implementations can be compared.
   */
  private static String top(Facets facets) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String dim : Schema.ENTITY_DIMS) {
      try {
        var r = facets.getTopChildren(10, dim);
        if (r != null) {
          // Ties may be broken differently (label order vs taxonomy order): compare counts only.
          long[] counts =
              Arrays.stream(r.labelValues).mapToLong(lv -> lv.value.longValue()).sorted().toArray();
          out.append(dim).append(r.value).append(Arrays.toString(counts));
        }
      } catch (IllegalArgumentException e) {
        out.append(dim).append("none"); // the dimension has no value in this index
      }
    }
    return out.toString();
  }

  private static Impl impl(String name, long buildMs, long bytes, long openMs, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Impl(
        name,
        buildMs,
        bytes,
        openMs,
        QueryBench.pct(sorted, 50),
        QueryBench.pct(sorted, 95),
        QueryBench.pct(sorted, 99),
        Arrays.stream(sorted).average().orElse(0) / 1e6);
  }
}
