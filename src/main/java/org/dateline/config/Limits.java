package org.dateline.config;

/**
 * The bounds that keep one hostile file or one careless client from hurting everyone else: how much
 * memory a parse may use and where it runs, and how much work one query or request may cause.
 * Immutable.
 *
 * @param isolation where files are parsed (see {@link Isolation})
 * @param parseHeapMb heap of each parse worker process (its {@code -Xmx}); a parse that needs more
 *     is reported as too large and only that worker dies
 * @param inProcessMaxBytes files larger than this are parsed in a worker even when their format has
 *     one of Dateline's own readers (HTML, feeds, wire XML, Reuters SGML, WARC)
 * @param maxFileTextChars most text one file may yield over all its articles
 * @param maxQueryTerms most terms one wildcard, prefix, regexp or range may expand to
 * @param searchTimeoutMs time limit of one search, KWIC lines included
 * @param maxQueryChars longest query string accepted
 * @param maxRequestBytes largest request body accepted
 * @param maxQueryDepth deepest nesting of parentheses and of the boolean query built from them
 * @param maxRegexpChars longest regular expression (the part between slashes) accepted
 * @param maxAutomatonStates largest automaton a regexp, wildcard or fuzzy term may build, in states
 *     (estimated before it is built); also Lucene's determinize work limit
 * @param maxEntityChars most text of one article the entity recogniser reads (the rest of a longer
 *     text is indexed but not recognised, and the article says so)
 * @param entityTimeoutMs time limit of entity recognition on one article
 * @param batchTimeoutMs time limit of one batch search ({@code POST /api/batch}) over all its
 *     lines: each line has {@code searchTimeoutMs}, and a batch of many slow lines would otherwise
 *     keep a core busy for hours; the lines not reached in time are answered as not searched
 */
public record Limits(
    Isolation isolation,
    int parseHeapMb,
    long inProcessMaxBytes,
    long maxFileTextChars,
    int maxQueryTerms,
    long searchTimeoutMs,
    int maxQueryChars,
    long maxRequestBytes,
    int maxQueryDepth,
    int maxRegexpChars,
    int maxAutomatonStates,
    int maxEntityChars,
    long entityTimeoutMs,
    long batchTimeoutMs) {

  /** Where files are parsed. */
  public enum Isolation {
    /** Everything in the indexing process (fastest; one bad file can exhaust its memory). */
    OFF,
    /**
     * Formats read by Tika (PDF, Office, archives, e-mail, plain text ...) and oversized files in a
     * pool of worker processes with their own heap; Dateline's own streaming readers in process.
     */
    TIKA,
    /** Every file in a worker process. */
    ALL
  }

  /** {@link #DEFAULT_ISOLATION} as written on the command line. */
  public static final String DEFAULT_ISOLATION_NAME = "tika";

  public static final Isolation DEFAULT_ISOLATION = Isolation.TIKA;
  public static final int DEFAULT_PARSE_HEAP_MB = 512;
  public static final long DEFAULT_IN_PROCESS_MAX_BYTES = 32L * 1024 * 1024;
  public static final long DEFAULT_MAX_FILE_TEXT_CHARS = 64_000_000;
  public static final int DEFAULT_MAX_QUERY_TERMS = 1024;
  public static final long DEFAULT_SEARCH_TIMEOUT_MS = 5_000;
  public static final int DEFAULT_MAX_QUERY_CHARS = 10_000;
  public static final int DEFAULT_MAX_REQUEST_MB = 64;
  public static final long DEFAULT_MAX_REQUEST_BYTES = DEFAULT_MAX_REQUEST_MB * 1024L * 1024;

  /**
   * Deeper than anyone writes by hand; far below where recursion over the query tree would fail.
   */
  public static final int DEFAULT_MAX_QUERY_DEPTH = 32;

  public static final int DEFAULT_MAX_REGEXP_CHARS = 1_000;

  /**
   * Lucene's own default determinize work limit ({@code
   * Operations.DEFAULT_DETERMINIZE_WORK_LIMIT}).
   */
  public static final int DEFAULT_MAX_AUTOMATON_STATES = 10_000;

  /**
   * About ten long feature articles (30,000 words), a few seconds of recognition; a book-length
   * text is recognised in its first 200,000 characters.
   */
  public static final int DEFAULT_MAX_ENTITY_CHARS = 200_000;

  public static final long DEFAULT_ENTITY_TIMEOUT_MS = 30_000;

  /**
   * Five minutes: 20,000 lines of one word took 63 s on two cores at load 15, so the 100,000 lines
   * a batch may have fit on a machine that is not that busy; 2,000 lines of a slow regexp took
   * about 300 s of a core, 100,000 of them would have taken hours.
   */
  public static final long DEFAULT_BATCH_TIMEOUT_MS = 300_000;

  public Limits {
    java.util.Objects.requireNonNull(isolation, "isolation");
    positive(parseHeapMb, "parse heap (MB)");
    positive(inProcessMaxBytes, "in-process file size");
    positive(maxFileTextChars, "text per file");
    positive(maxQueryTerms, "query terms");
    positive(searchTimeoutMs, "search timeout (ms)");
    positive(maxQueryChars, "query length");
    positive(maxRequestBytes, "request size");
    positive(maxQueryDepth, "query depth");
    positive(maxRegexpChars, "regexp length");
    positive(maxAutomatonStates, "automaton states");
    positive(maxEntityChars, "text recognised per article");
    positive(entityTimeoutMs, "entity recognition time (ms)");
    positive(batchTimeoutMs, "batch search time (ms)");
  }

  private static void positive(long value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " limit must be positive, got " + value);
    }
  }

  /** The limits used when nothing is given. */
  public static Limits defaults() {
    return new Limits(
        DEFAULT_ISOLATION,
        DEFAULT_PARSE_HEAP_MB,
        DEFAULT_IN_PROCESS_MAX_BYTES,
        DEFAULT_MAX_FILE_TEXT_CHARS,
        DEFAULT_MAX_QUERY_TERMS,
        DEFAULT_SEARCH_TIMEOUT_MS,
        DEFAULT_MAX_QUERY_CHARS,
        DEFAULT_MAX_REQUEST_BYTES,
        DEFAULT_MAX_QUERY_DEPTH,
        DEFAULT_MAX_REGEXP_CHARS,
        DEFAULT_MAX_AUTOMATON_STATES,
        DEFAULT_MAX_ENTITY_CHARS,
        DEFAULT_ENTITY_TIMEOUT_MS,
        DEFAULT_BATCH_TIMEOUT_MS);
  }

  public Limits withIsolation(Isolation i, int heapMb) {
    return new Limits(
        i,
        heapMb,
        inProcessMaxBytes,
        maxFileTextChars,
        maxQueryTerms,
        searchTimeoutMs,
        maxQueryChars,
        maxRequestBytes,
        maxQueryDepth,
        maxRegexpChars,
        maxAutomatonStates,
        maxEntityChars,
        entityTimeoutMs,
        batchTimeoutMs);
  }

  public Limits withSearch(int queryTerms, long timeoutMs, int queryChars, long requestBytes) {
    return new Limits(
        isolation,
        parseHeapMb,
        inProcessMaxBytes,
        maxFileTextChars,
        queryTerms,
        timeoutMs,
        queryChars,
        requestBytes,
        maxQueryDepth,
        maxRegexpChars,
        maxAutomatonStates,
        maxEntityChars,
        entityTimeoutMs,
        batchTimeoutMs);
  }

  /** With other bounds on the shape of a query: nesting depth, regexp length, automaton size. */
  public Limits withQueryShape(int depth, int regexpChars, int automatonStates) {
    return new Limits(
        isolation,
        parseHeapMb,
        inProcessMaxBytes,
        maxFileTextChars,
        maxQueryTerms,
        searchTimeoutMs,
        maxQueryChars,
        maxRequestBytes,
        depth,
        regexpChars,
        automatonStates,
        maxEntityChars,
        entityTimeoutMs,
        batchTimeoutMs);
  }

  /** With other bounds on entity recognition per article: text read, time taken. */
  public Limits withEntityBounds(int entityChars, long timeoutMs) {
    return new Limits(
        isolation,
        parseHeapMb,
        inProcessMaxBytes,
        maxFileTextChars,
        maxQueryTerms,
        searchTimeoutMs,
        maxQueryChars,
        maxRequestBytes,
        maxQueryDepth,
        maxRegexpChars,
        maxAutomatonStates,
        entityChars,
        timeoutMs,
        batchTimeoutMs);
  }

  /** With another time limit of one batch search over all its lines. */
  public Limits withBatchTimeout(long ms) {
    return new Limits(
        isolation,
        parseHeapMb,
        inProcessMaxBytes,
        maxFileTextChars,
        maxQueryTerms,
        searchTimeoutMs,
        maxQueryChars,
        maxRequestBytes,
        maxQueryDepth,
        maxRegexpChars,
        maxAutomatonStates,
        maxEntityChars,
        entityTimeoutMs,
        ms);
  }
}
