package org.dateline.search.kwic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;
import org.dateline.index.Schema;

/**
 * The KWIC spans of a query that is an exact phrase in the body (or a choice of such phrases, as a
 * hyphenated or dotted word makes: {@code "U.S. officials"} is {@code "us officials"} or {@code "u
 * s officials"}), read from the positions and offsets of the phrase's words in the hit: every place
 * where each word stands at its place in the phrase is a span from the first word's start to the
 * last word's end, as Lucene's exact phrase matcher reports it through the Matches API, which
 * builds that matcher, with fresh postings of every word, for every hit. The words' places in each
 * segment are looked up once per request. Phrases with a repeated word or two words at one place,
 * sloppy phrases and every other shape are left to the Matches API. One instance per request.
 */
public final class BodyPhrases {

  private final List<PhraseQuery> phrases;
  private final Map<BytesRef, TermStates> states;

  private BodyPhrases(List<PhraseQuery> phrases, Map<BytesRef, TermStates> states) {
    this.phrases = phrases;
    this.states = states;
  }

  /** The exact body phrases {@code rewritten} is a choice of, or null when it is something else. */
  public static BodyPhrases of(IndexSearcher searcher, Query rewritten) throws IOException {
    List<PhraseQuery> phrases = new ArrayList<>();
    if (!collect(rewritten, phrases) || phrases.isEmpty()) {
      return null;
    }
    Map<BytesRef, TermStates> states = new HashMap<>();
    for (PhraseQuery p : phrases) {
      for (Term t : p.getTerms()) {
        if (!states.containsKey(t.bytes())) {
          states.put(t.bytes(), TermStates.build(searcher, t, false));
        }
      }
    }
    return new BodyPhrases(List.copyOf(phrases), states);
  }

  private static boolean collect(Query q, List<PhraseQuery> into) {
    if (q instanceof BoostQuery b) {
      return collect(b.getQuery(), into);
    }
    if (q instanceof PhraseQuery p) {
      if (!exact(p)) {
        return false;
      }
      into.add(p);
      return true;
    }
    if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0) {
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() != BooleanClause.Occur.SHOULD || !collect(c.query(), into)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A phrase on the body, no slop, each word once and at a place of its own. */
  private static boolean exact(PhraseQuery p) {
    if (p.getSlop() != 0 || !Schema.BODY.equals(p.getField()) || p.getTerms().length < 2) {
      return false;
    }
    int[] at = p.getPositions();
    Set<BytesRef> seen = new HashSet<>();
    for (int i = 0; i < at.length; i++) {
      if ((i > 0 && at[i] <= at[i - 1]) || !seen.add(p.getTerms()[i].bytes())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The spans of hit {@code docInLeaf} in offset order, overlapping spans merged: what {@link
   * Kwic#spans} reads through the Matches API for the same query ({@code weight}'s).
   */
  public List<int[]> spans(
      Weight weight, LeafReaderContext leaf, int docInLeaf, String text, String language)
      throws IOException {
    FieldInfo body = leaf.reader().getFieldInfos().fieldInfo(Schema.BODY);
    if (StemTerms.offsetsIndexed(leaf)
        || body == null
        || body.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
            < 0) {
      return Kwic.spans(weight, leaf, docInLeaf, text, language); // an index before schema 6
    }
    List<int[]> raw = new ArrayList<>();
    Terms terms = leaf.reader().terms(Schema.BODY);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (PhraseQuery phrase : phrases) {
        addPhraseSpans(phrase, it, leaf, docInLeaf, raw);
      }
    }
    Kwic.addStemSpans(weight, leaf, docInLeaf, text, language, new StemCover(), raw);
    return Kwic.merge(raw);
  }

  private void addPhraseSpans(
      PhraseQuery phrase, TermsEnum it, LeafReaderContext leaf, int docInLeaf, List<int[]> into)
      throws IOException {
    Term[] words = phrase.getTerms();
    int[] place = phrase.getPositions();
    int n = words.length;
    int[][] positions = new int[n][];
    int[] firstStarts = null;
    int[] lastEnds = null;
    for (int i = 0; i < n; i++) {
      TermStates where = states.get(words[i].bytes());
      IOSupplier<TermState> state = where == null ? null : where.get(leaf);
      TermState found = state == null ? null : state.get();
      if (found == null) {
        return; // a word this segment lacks: no phrase here
      }
      it.seekExact(words[i].bytes(), found);
      PostingsEnum postings = it.postings(null, PostingsEnum.OFFSETS);
      if (postings.advance(docInLeaf) != docInLeaf) {
        return;
      }
      int freq = postings.freq();
      positions[i] = new int[freq];
      int[] starts = i == 0 ? new int[freq] : null;
      int[] ends = i == n - 1 ? new int[freq] : null;
      for (int k = 0; k < freq; k++) {
        positions[i][k] = postings.nextPosition();
        if (starts != null) {
          starts[k] = postings.startOffset();
        }
        if (ends != null) {
          ends[k] = postings.endOffset();
        }
      }
      if (i == 0) {
        firstStarts = starts;
      } else if (i == n - 1) {
        lastEnds = ends;
      }
    }
    int[] next = new int[n];
    for (int k = 0; k < positions[0].length; k++) {
      int start = positions[0][k] - place[0];
      boolean whole = true;
      for (int i = 1; i < n && whole; i++) {
        int want = start + place[i];
        int[] at = positions[i];
        while (next[i] < at.length && at[next[i]] < want) {
          next[i]++;
        }
        if (next[i] == at.length) {
          return; // a word has no place left: no later match either
        }
        whole = at[next[i]] == want;
      }
      if (whole && firstStarts[k] >= 0) {
        into.add(new int[] {firstStarts[k], lastEnds[next[n - 1]]});
      }
    }
  }
}
