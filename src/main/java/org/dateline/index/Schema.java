package org.dateline.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;

/**
 * The one place that knows every index field: names, types, analysis, facet dimensions, and how an
 * {@link Article} becomes a Lucene document and back. No other class spells a field name.
 * Thread-safe: immutable after class initialisation.
 */
public final class Schema {

  /** Bumped whenever the layout changes; an index of another version is rebuilt. */
  public static final String VERSION = "12";

  /**
   * Older versions whose documents this one reads as they are and may add to, so an upgrade keeps
   * the index instead of reading every source again: 7 differs only in how mentions and the id are
   * stored in the meta JSON, which {@link StoredMentions} and {@link StoredMeta} still read; 7 and
   * 8 both wrote the MinHash terms in an older form, which {@link MinHashTerms#sharing} still
   * finds; 9 differs from 10 only in the meta JSON, which 10 stores as {@link CompactMeta} bytes
   * (each stored value says which form it is); 10 differs from 11 in the codec of its segments (11
   * writes stored values through {@link DatelineCodec}; each segment names the codec it was written
   * with, so older segments are read by Lucene's and rewritten by merges) and in lacking {@link
   * #MINHASH_VALUES}, which the story lookup does without in a segment where some article lacks it
   * (it asks the MinHash terms there, as before); 11 differs from 12 only in its MinHash terms (12
   * writes them for undated articles only, {@link #MINHASH_VALUES} for all; the story lookup asks
   * the terms of the articles that have them and compares the values of the others, segment by
   * segment).
   */
  public static final Set<String> READS_AS_IS = Set.of("7", "8", "9", "10", "11");

  /** Commit user-data key: when the last ingest run ended (ISO instant). */
  public static final String LAST_INGEST_KEY = "dateline.last_ingest";

  /** Commit user-data key: the folders the index was fed from, one a line ({@link IndexRoots}). */
  public static final String ROOTS_KEY = "dateline.roots";

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String DATE = "date";

  // Inflections (issue 18; schema version 5): the title's and body's words as stems of the
  // article's language, tagged with it ("en:strike"), for articles in a language with a stemmer.
  /** The title's stems (documents and frequencies only; not stored). */
  public static final String TITLE_STEM = "title_stem";

  /**
   * The body's stems: documents and frequencies only (schema 6). Only a plain word searches them,
   * never a phrase, so positions would serve no query, and KWIC finds an inflected match by
   * re-analysing the hit's stored body ({@code Kwic}); positions and offsets here were a fifth of
   * the Reuters index (issue 20).
   */
  public static final String BODY_STEM = "body_stem";

  /**
   * The publication's own wall-clock time (the instant moved by the offset the source stated, as
   * epoch milliseconds): its UTC day is the day the outlet printed. Date filters and the histogram
   * use it; sorting uses {@link #DATE}, the instant.
   */
  public static final String LOCAL_DATE = "local_date";

  public static final String META = "meta";
  public static final String PATH = "path";
  public static final String FILE_SIZE = "file_size";
  public static final String FILE_MTIME = "file_mtime";
  public static final String FILE_HASH = "file_hash";

  /**
   * The {@link EntityPass} generation that last resolved the article's entities: numeric doc values
   * only, 0 when the article is written, then set by a doc-values update (which needs the field to
   * exist, hence the 0).
   */
  public static final String ENTITY_PASS = "entity_pass";

  public static final String OUTLET = "outlet";

  /**
   * The outlet facet's value for an article whose outlet nothing states, as the date facet counts
   * the undated: without it such articles could not be counted or selected by outlet. A facet value
   * only (no term of the {@code outlet} field, so {@code outlet:unknown} finds no such article); an
   * index written before it has none for its articles until their files are indexed again.
   */
  public static final String UNKNOWN_OUTLET = "unknown outlet";

  public static final String AGENCY = "agency";
  public static final String LANGUAGE = "language";
  public static final String TYPE = "type";
  public static final String PERSON = "person";
  public static final String ORGANIZATION = "organization";
  public static final String PLACE = "place";
  public static final String AUTHOR = "author";

  // Stories (issue 16; schema version 4): copies of one text share a story id.
  /** The article's story: a long as a point (copies by story), doc values (collapse), stored. */
  public static final String STORY = "story";

  /**
   * The article's MinHash values, one small keyword term per slot (candidate copies): written for
   * every article by schemas 7 to 11, and since 12 for undated articles only (they are in every
   * lookup's window, so they are asked by these terms, not compared one by one).
   */
  public static final String MINHASH = "minhash";

  /**
   * The article's MinHash values as one binary doc value (since schema 11; {@link
   * MinHashTerms#packed}): the story lookup compares the articles of its window with them directly.
   * Since schema 12 the only form written for a dated article: the 64 terms beside them were 107.6
   * bytes an article at 1 M (more than these values' 96) and were asked only where a window was
   * dense.
   */
  public static final String MINHASH_VALUES = "minhash_values";

  /** The exact hash of a short text (a short notice joins a story only on it). */
  public static final String TEXT_HASH = "text_hash";

  /**
   * When the article was written to the index (epoch ms; issue 17): a point (an alert's backfill
   * asks for what arrived in its last N days), doc values (latest first) and stored (kept when the
   * article is rewritten). Articles written before this field existed have none.
   */
  public static final String INGESTED = "ingested";

  /** Facet dimensions in the order every response lists them (the date histogram comes last). */
  public static final List<String> FACET_DIMS =
      List.of(OUTLET, PERSON, ORGANIZATION, PLACE, AGENCY, LANGUAGE, TYPE);

  /** Dimensions whose values hold one entity type each. */
  public static final List<String> ENTITY_DIMS = List.of(PERSON, ORGANIZATION, PLACE);

  /**
   * BM25's term-frequency saturation and length normalisation. Lucene's defaults are 1.2 and 0.75;
   * on the Reuters relevance check (issue 18, `dateline bench relevance`) 0.9 and 0.4 find more of
   * what is meant (P@10 0.746 -> 0.805, recall@100 0.672 -> 0.682): short wire stories should not
   * lose much for their length.
   */
  public static final float BM25_K1 = 0.9f;

  public static final float BM25_B = 0.4f;

  /** Fields a plain query term searches, with their boosts. */
  public static final Map<String, Float> DEFAULT_FIELDS = Map.of(TITLE, 2f, BODY, 1f);

  /**
   * Fields a plain (unquoted) query word also searches, with their boosts: its inflections. A
   * phrase, wildcard or fuzzy term searches {@link #DEFAULT_FIELDS} only.
   */
  public static final Map<String, Float> STEM_FIELDS = Map.of(TITLE_STEM, 2f, BODY_STEM, 1f);

  /** Fields a query may name explicitly, e.g. {@code outlet:guardian}. */
  public static final List<String> QUERYABLE_FIELDS =
      List.of(TITLE, BODY, OUTLET, AGENCY, LANGUAGE, TYPE, PERSON, ORGANIZATION, PLACE, AUTHOR);

  /**
   * Body: analysed, stored, positions and offsets in postings so KWIC comes from the Matches API.
   */
  private static final FieldType BODY_TYPE = bodyType();

  private static final FacetsConfig FACETS = buildFacetsConfig();

  /**
   * Title and body stems: documents, frequencies and norms (BM25 reads nothing else, so ranking is
   * as with positions), not stored.
   */
  private static final FieldType STEM_TYPE = stemType();

  /** The chain that writes the stem fields, for each language with a stemmer. */
  private static final Map<String, Analyzer> STEM_ANALYZERS = stemAnalyzers();

  private static final Analyzer QUERY_ANALYZER = NewsAnalyzer.forQuerying();

  /** MinHash and text-hash terms: matched by documents only, no norms, no frequencies. */
  private static final FieldType HASH_TYPE = hashType();

  private Schema() {}

  public static Analyzer indexAnalyzer() {
    return NewsAnalyzer.forIndexing();
  }

  /**
   * The chain a query is parsed with: one shared instance, since an analyzer keeps its token
   * streams per thread and field and building them (the script tokenizer's break rules, nine
   * stemmers) cost half the time of parsing a saved search and showed in the search profile. Never
   * closed.
   */
  public static Analyzer queryAnalyzer() {
    return QUERY_ANALYZER;
  }

  /** The ranking every searcher uses: BM25 with {@link #BM25_K1} and {@link #BM25_B}. */
  public static Similarity similarity() {
    return new BM25Similarity(BM25_K1, BM25_B);
  }

  /** The facet configuration shared by writer and searcher. */
  public static FacetsConfig facetsConfig() {
    return FACETS;
  }

  private static FacetsConfig buildFacetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : FACET_DIMS) {
      config.setMultiValued(dim, true);
    }
    return config;
  }

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static FieldType stemType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  private static Map<String, Analyzer> stemAnalyzers() {
    Map<String, Analyzer> byLanguage = new HashMap<>();
    for (String language : Stemmers.LANGUAGES) {
      byLanguage.put(language, NewsAnalyzer.forStems(language));
    }
    return Map.copyOf(byLanguage);
  }

  /** The chain that writes the stem fields of an article in {@code language}, or null for none. */
  public static Analyzer stemAnalyzer(String language) {
    return language == null ? null : STEM_ANALYZERS.get(language);
  }

  /** Whether {@code field} holds stems (searched by plain query words only). */
  public static boolean isStemField(String field) {
    return STEM_FIELDS.containsKey(field);
  }

  /** Whether articles in {@code language} (an ISO 639-1 code, or null) get stem fields. */
  public static boolean hasStemmer(String language) {
    return Stemmers.supports(language);
  }

  /** The languages whose articles get stem fields, sorted. */
  public static List<String> stemmedLanguages() {
    return Stemmers.LANGUAGES;
  }

  /** The prefix of {@code language}'s stems in the stem fields ("en:" for English). */
  public static String stemTag(String language) {
    return Stemmers.tag(language);
  }

  private static FieldType hashType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.setTokenized(false);
    type.freeze();
    return type;
  }

  /** Builds the Lucene document for one article of one source file, as a story of its own. */
  public static Document toDocument(Article article, SourceFile source) throws IOException {
    return toDocument(article, source, StoryStamp.alone(article));
  }

  /**
   * Builds the Lucene document for one article of one source file, in the story of {@code story}.
   */
  public static Document toDocument(Article article, SourceFile source, StoryStamp story)
      throws IOException {
    Document doc = new Document();
    addStory(doc, story, article.date() == null);
    doc.add(new StringField(ID, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(article.id())));
    // The stem fields replay the exact fields' tokens, stemmed, instead of analysing them again.
    boolean stemmed = hasStemmer(article.language());
    TokenRecording title = stemmed ? new TokenRecording() : null;
    TokenRecording body = stemmed ? new TokenRecording() : null;
    doc.add(RecordingField.of(TITLE, article.title(), TextField.TYPE_NOT_STORED, title));
    doc.add(RecordingField.of(BODY, article.text(), BODY_TYPE, body));
    addStems(doc, article, title, body);
    doc.add(new StoredField(META, CompactMeta.write(article)));
    addSource(doc, source);
    doc.add(new NumericDocValuesField(ENTITY_PASS, 0));
    if (article.date() != null) {
      long millis = article.date().instant().toEpochMilli();
      doc.add(new NumericDocValuesField(DATE, millis));
      long local = article.date().localMillis();
      doc.add(new LongPoint(LOCAL_DATE, local));
      doc.add(new NumericDocValuesField(LOCAL_DATE, local));
    }
    if (article.outlet() == null || article.outlet().isBlank()) {
      doc.add(new SortedSetDocValuesFacetField(OUTLET, UNKNOWN_OUTLET));
    } else {
      addFacet(doc, OUTLET, List.of(article.outlet()));
    }
    addFacet(doc, AGENCY, article.agencies());
    addFacet(doc, LANGUAGE, article.language() == null ? List.of() : List.of(article.language()));
    addFacet(doc, TYPE, List.of(article.contentType()));
    for (String dim : ENTITY_DIMS) {
      addFacet(doc, dim, article.entities().getOrDefault(dim, List.of()));
    }
    for (String author : article.authors()) {
      doc.add(new TextField(AUTHOR, author, Field.Store.NO));
    }
    return FACETS.build(doc);
  }

  /** The stem fields, for an article in a language with a stemmer. */
  private static void addStems(
      Document doc, Article article, TokenRecording title, TokenRecording body) {
    String language = article.language();
    Analyzer stems = stemAnalyzer(language);
    if (stems != null) {
      doc.add(new StemmedField(TITLE_STEM, article.title(), STEM_TYPE, stems, language, title));
      doc.add(new StemmedField(BODY_STEM, article.text(), STEM_TYPE, stems, language, body));
    }
  }

  private static void addSource(Document doc, SourceFile source) {
    doc.add(new StringField(PATH, source.path(), Field.Store.NO));
    doc.add(new SortedDocValuesField(PATH, new BytesRef(source.path())));
    doc.add(new NumericDocValuesField(FILE_SIZE, source.sizeBytes()));
    doc.add(new NumericDocValuesField(FILE_MTIME, source.mtimeMs()));
    doc.add(new SortedDocValuesField(FILE_HASH, new BytesRef(source.sha256())));
    // Stored too, so a document can be rewritten (entities re-applied) without its source file.
    doc.add(new StoredField(FILE_SIZE, source.sizeBytes()));
    doc.add(new StoredField(FILE_MTIME, source.mtimeMs()));
    doc.add(new StoredField(FILE_HASH, source.sha256()));
    long ingested = source.ingestedMs() > 0 ? source.ingestedMs() : System.currentTimeMillis();
    doc.add(new LongPoint(INGESTED, ingested));
    doc.add(new NumericDocValuesField(INGESTED, ingested));
    doc.add(new StoredField(INGESTED, ingested));
  }

  private static void addStory(Document doc, StoryStamp stamp, boolean undated) {
    doc.add(new LongPoint(STORY, stamp.story()));
    doc.add(new NumericDocValuesField(STORY, stamp.story()));
    doc.add(new StoredField(STORY, stamp.story()));
    int[] minHashes = stamp.fingerprint().minHashes();
    if (undated) {
      // An undated article is in every lookup's window: its copies are found by these terms, so
      // that no lookup compares every undated article's values (StoryWindowSharing).
      for (int slot = 0; slot < minHashes.length; slot++) {
        doc.add(new Field(MINHASH, MinHashTerms.term(slot, minHashes[slot]), HASH_TYPE));
      }
    }
    if (minHashes.length > 0) {
      doc.add(new BinaryDocValuesField(MINHASH_VALUES, MinHashTerms.packed(minHashes)));
    }
    if (stamp.fingerprint().exactHash() != 0) {
      doc.add(new Field(TEXT_HASH, textHashTerm(stamp.fingerprint().exactHash()), HASH_TYPE));
    }
  }

  /** A dated article's story fields alone (to measure what they cost in an index). */
  public static Document storyFields(StoryStamp stamp) {
    return storyFields(stamp, false);
  }

  /**
   * A document of the story fields alone, as written for a dated article or ({@code undated}) an
   * undated one (its MinHash terms too).
   */
  public static Document storyFields(StoryStamp stamp, boolean undated) {
    Document doc = new Document();
    addStory(doc, stamp, undated);
    return doc;
  }

  /** The term of a short text's exact hash: its 8 bytes. */
  public static BytesRef textHashTerm(long hash) {
    byte[] b = new byte[Long.BYTES];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (hash >>> (56 - 8 * i));
    }
    return new BytesRef(b);
  }

  /** The story id a stored document was written with. */
  public static long storyOf(Document doc) {
    return doc.getField(STORY).numericValue().longValue();
  }

  /** The source-file identity a stored document was written with. */
  public static SourceFile toSourceFile(Document doc) {
    Article meta = toArticle(doc);
    return new SourceFile(
        meta.path(),
        doc.getField(FILE_SIZE).numericValue().longValue(),
        doc.getField(FILE_MTIME).numericValue().longValue(),
        doc.get(FILE_HASH),
        ingestedOf(doc));
  }

  /** When a stored document was first written (epoch ms), or 0 when it was written without it. */
  public static long ingestedOf(Document doc) {
    var field = doc.getField(INGESTED);
    return field == null ? 0 : field.numericValue().longValue();
  }

  /** One value goes both into the facet doc values and into a searchable text field. */
  private static void addFacet(Document doc, String dim, List<String> values) {
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      doc.add(new SortedSetDocValuesFacetField(dim, value));
      doc.add(new TextField(dim, value, Field.Store.NO));
    }
  }

  /** Rebuilds the article from a stored document (body and id from their own stored fields). */
  public static Article toArticle(Document doc) {
    String body = doc.get(BODY);
    IndexableField meta = doc.getField(META);
    BytesRef compact = meta == null ? null : meta.binaryValue();
    if (compact != null) {
      return CompactMeta.read(compact, body, doc.get(ID));
    }
    try { // schema 9 and before: JSON text
      return StoredMeta.read(doc.get(META), body, doc.get(ID)).withText(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored article metadata is unreadable", e);
    }
  }
}
