package org.dateline.alert;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Says which articles of one batch (at most {@value #MAX_DOCS}, as the bits of a {@code long}) a
 * {@link MatchForm} matches: a word is looked up in the batch's terms once per batch (kept in the
 * thread's {@link BatchMemo} under its number), a prefix walks the terms that start with it, an
 * exact phrase checks its words' positions (read once per batch), a point range compares the
 * batch's values (read once per batch), the logic is bit arithmetic, and a {@link MatchForm.Lucene}
 * part runs as a weight without scores. Not thread-safe: one per match run.
 */
final class MatchRun {

  /** The most articles one run can hold (one bit each). */
  static final int MAX_DOCS = Long.SIZE;

  private final IndexSearcher searcher;
  private final LeafReaderContext leaf;
  private final long every;
  private final BatchMemo memo = BatchMemo.forThisThread();
  private final int gen = memo.newBatch();
  private final Map<String, TermsEnum> terms = new HashMap<>();
  private final Map<String, BatchPoints> points = new HashMap<>();
  private PostingsEnum postings;

  /**
   * Words numbered below this are known to be in the batch exactly when the memo holds them (the
   * walk over a one-article batch's terms put them there); 0: every word is looked up.
   */
  private int wordsTold;

  /** A run over {@code searcher}'s batch: one leaf of at most {@value #MAX_DOCS} articles. */
  MatchRun(IndexSearcher searcher) throws IOException {
    this.searcher = searcher;
    this.leaf = searcher.getIndexReader().leaves().get(0);
    int docs = leaf.reader().maxDoc();
    this.every = docs == MAX_DOCS ? -1L : (1L << docs) - 1;
    if (docs == 1) {
      // One article: its words are found by one walk over its terms with a hash lookup each,
      // rather than a binary search of its terms per word the candidates ask (a fifth of the
      // hook with 10k alerts at one article a call, issue 17's profile); a word the walk did not
      // tell is not in the article. Words numbered since the memo was sized are looked up.
      int told = LookupIds.wordsIn(leaf.reader(), id -> memo.putDocs(gen, id, 1L));
      this.wordsTold = Math.min(told, memo.capacity());
    }
  }

  /** Words numbered below this were told by the walk over the batch's terms (0: none). */
  int wordsTold() {
    return wordsTold;
  }

  /** Whether a batch read by {@code searcher} fits one run. */
  static boolean fits(IndexSearcher searcher) {
    return searcher.getIndexReader().leaves().size() == 1
        && searcher.getIndexReader().maxDoc() <= MAX_DOCS;
  }

  /** The articles {@code node} matches, as bits (article n is bit n). */
  long docs(MatchForm.Node node) throws IOException {
    // the commonest parts first: a plain chain of tests (the profile put 13 % of matching in the
    // pattern switch this replaces)
    if (node instanceof MatchForm.Word w) {
      return word(w);
    } else if (node instanceof MatchForm.AnyOf a) {
      return anyOf(a);
    } else if (node instanceof MatchForm.AllOf a) {
      return allOf(a);
    } else if (node instanceof MatchForm.Phrase p) {
      return phrase(p);
    } else if (node instanceof MatchForm.Range r) {
      return range(r);
    } else if (node instanceof MatchForm.Prefix p) {
      return prefix(p);
    } else if (node instanceof MatchForm.Constant c) {
      return c.every() ? every : 0L;
    }
    return lucene(((MatchForm.Lucene) node).query());
  }

  private long anyOf(MatchForm.AnyOf any) throws IOException {
    long docs = 0;
    int[] ids = any.wordIds();
    for (int i = 0; i < ids.length; i++) { // the words, by number first
      int id = ids[i];
      if (memo.hasDocs(gen, id)) {
        docs |= memo.docs(id);
      } else if (id >= wordsTold) {
        docs |= lookUp(any.words()[i]);
      }
      if (docs == every) {
        return docs;
      }
    }
    List<MatchForm.Node> parts = any.parts();
    for (int i = ids.length; i < parts.size(); i++) {
      docs |= docs(parts.get(i));
      if (docs == every) {
        break;
      }
    }
    return docs;
  }

  private long allOf(MatchForm.AllOf all) throws IOException {
    long docs = every;
    for (MatchForm.Node part : all.all()) {
      docs &= docs(part);
      if (docs == 0) {
        return 0;
      }
    }
    for (MatchForm.Node part : all.none()) {
      docs &= ~docs(part);
      if (docs == 0) {
        return 0;
      }
    }
    return docs;
  }

  private TermsEnum terms(String field) throws IOException {
    TermsEnum te = terms.get(field);
    if (te == null && !terms.containsKey(field)) {
      Terms t = leaf.reader().terms(field);
      te = t == null ? null : t.iterator();
      terms.put(field, te);
    }
    return te;
  }

  /**
   * The articles holding a word: looked up once per batch (the candidates of a batch share many
   * words, and a word is asked of four fields by each of them).
   */
  private long word(MatchForm.Word w) throws IOException {
    if (memo.hasDocs(gen, w.id())) {
      return memo.docs(w.id());
    }
    if (w.id() < wordsTold) {
      return 0L; // the walk over the article's terms did not find it
    }
    return lookUp(w);
  }

  /** The articles holding {@code w}, looked up in the batch's terms and kept in the memo. */
  private long lookUp(MatchForm.Word w) throws IOException {
    TermsEnum te = terms(w.field());
    long docs = te != null && te.seekExact(w.term()) ? postings(te) : 0L;
    memo.putDocs(gen, w.id(), docs);
    return docs;
  }

  private long prefix(MatchForm.Prefix p) throws IOException {
    if (memo.hasDocs(gen, p.id())) {
      return memo.docs(p.id());
    }
    long docs = walk(p.field(), p.prefix());
    memo.putDocs(gen, p.id(), docs);
    return docs;
  }

  private long walk(String field, BytesRef prefix) throws IOException {
    TermsEnum te = terms(field);
    if (te == null || te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
      return 0L;
    }
    long docs = 0;
    for (BytesRef t = te.term(); t != null; t = te.next()) {
      if (!StringHelper.startsWith(t, prefix)) {
        break;
      }
      docs |= postings(te);
      if (docs == every) {
        break;
      }
    }
    return docs;
  }

  /** The articles holding the term {@code te} is on. */
  private long postings(TermsEnum te) throws IOException {
    if (every == 1L) {
      return 1L; // one article, and the term is in it
    }
    postings = te.postings(postings, PostingsEnum.NONE);
    return bits(postings);
  }

  /**
   * The articles with every word of the phrase, each at its offset from one place: as Lucene's
   * exact phrase matcher says (any place, the words' positions read once per batch). A field
   * without positions is left to Lucene (which refuses it, as a search would).
   */
  private long phrase(MatchForm.Phrase p) throws IOException {
    long docs = every;
    for (MatchForm.Word w : p.words()) {
      docs &= word(w);
      if (docs == 0) {
        return 0;
      }
    }
    FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(p.field());
    if (info == null
        || info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) < 0) {
      return lucene(p.query());
    }
    int n = p.words().size();
    int[][][] at = new int[n][][];
    for (int i = 0; i < n; i++) {
      at[i] = positions(p.words().get(i));
    }
    long found = 0;
    for (long d = docs; d != 0; d &= d - 1) {
      int doc = Long.numberOfTrailingZeros(d);
      if (phraseIn(at, p.offsets(), doc)) {
        found |= 1L << doc;
      }
    }
    return found;
  }

  private static boolean phraseIn(int[][][] at, int[] offsets, int doc) {
    for (int first : at[0][doc]) {
      int start = first - offsets[0];
      boolean all = true;
      for (int i = 1; i < at.length && all; i++) {
        all = Arrays.binarySearch(at[i][doc], start + offsets[i]) >= 0;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** A word's positions in each article of the batch (empty where it is not), read once a batch. */
  private int[][] positions(MatchForm.Word w) throws IOException {
    int[][] known = memo.positions(gen, w.id());
    if (known != null) {
      return known;
    }
    int[][] byDoc = new int[Math.max(1, leaf.reader().maxDoc())][];
    Arrays.fill(byDoc, new int[0]);
    TermsEnum te = terms(w.field());
    if (te != null && te.seekExact(w.term())) {
      PostingsEnum pe = te.postings(null, PostingsEnum.POSITIONS);
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        int[] pos = new int[pe.freq()];
        for (int k = 0; k < pos.length; k++) {
          pos[k] = pe.nextPosition();
        }
        Arrays.sort(pos); // positions come in order; sorted all the same for the search
        byDoc[doc] = pos;
      }
    }
    memo.putPositions(gen, w.id(), byDoc);
    return byDoc;
  }

  /** The articles with a value in the range (one-dimensional points, read once a batch). */
  private long range(MatchForm.Range r) throws IOException {
    BatchPoints values = points.get(r.field());
    if (values == null) {
      values = BatchPoints.read(leaf.reader(), r.field());
      points.put(r.field(), values);
    }
    if (!values.fits(r.lower().length)) {
      return lucene(r.query()); // another layout: Lucene says what it makes of it
    }
    return values.within(r.lower(), r.upper());
  }

  private long lucene(Query query) throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) {
      return 0L;
    }
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    return bits(
        twoPhase == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(twoPhase));
  }

  private static long bits(DocIdSetIterator docs) throws IOException {
    long bits = 0;
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      bits |= 1L << doc;
    }
    return bits;
  }
}
