package org.dateline.alert;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
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
 * {@link MatchForm} matches: a word is looked up in the batch's terms, a prefix walks the terms
 * that start with it, the logic is bit arithmetic, and a {@link MatchForm.Lucene} part runs as a
 * weight without scores. Not thread-safe: one per match run.
 */
final class MatchRun {

  /** The most articles one run can hold (one bit each). */
  static final int MAX_DOCS = Long.SIZE;

  private final IndexSearcher searcher;
  private final LeafReaderContext leaf;
  private final long every;
  private final Map<String, TermsEnum> terms = new HashMap<>();
  private final Map<String, Map<BytesRef, Long>> seen = new HashMap<>();
  private PostingsEnum postings;

  /** A run over {@code searcher}'s batch: one leaf of at most {@value #MAX_DOCS} articles. */
  MatchRun(IndexSearcher searcher) {
    this.searcher = searcher;
    this.leaf = searcher.getIndexReader().leaves().get(0);
    int docs = leaf.reader().maxDoc();
    this.every = docs == MAX_DOCS ? -1L : (1L << docs) - 1;
  }

  /** Whether a batch read by {@code searcher} fits one run. */
  static boolean fits(IndexSearcher searcher) {
    return searcher.getIndexReader().leaves().size() == 1
        && searcher.getIndexReader().maxDoc() <= MAX_DOCS;
  }

  /** The articles {@code node} matches, as bits (article n is bit n). */
  long docs(MatchForm.Node node) throws IOException {
    return switch (node) {
      case MatchForm.Word w -> word(w.field(), w.term());
      case MatchForm.Prefix p -> prefix(p.field(), p.prefix());
      case MatchForm.AnyOf a -> anyOf(a);
      case MatchForm.AllOf a -> allOf(a);
      case MatchForm.Constant c -> c.every() ? every : 0L;
      case MatchForm.Lucene l -> lucene(l.query());
    };
  }

  private long anyOf(MatchForm.AnyOf any) throws IOException {
    long docs = 0;
    for (MatchForm.Node part : any.parts()) {
      docs |= docs(part);
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
   * The articles holding {@code term}: looked up once per batch (the candidates of a batch share
   * many words, and a word is asked of four fields by each of them).
   */
  private long word(String field, BytesRef term) throws IOException {
    Map<BytesRef, Long> known = seen.computeIfAbsent(field, f -> new HashMap<>());
    Long docs = known.get(term);
    if (docs == null) {
      TermsEnum te = terms(field);
      docs = te != null && te.seekExact(term) ? postings(te) : 0L;
      known.put(term, docs);
    }
    return docs;
  }

  private long prefix(String field, BytesRef prefix) throws IOException {
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
