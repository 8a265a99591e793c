package org.dateline.search.kwic;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;
import org.dateline.index.WordStems;

/**
 * Whether re-analysing a hit's text for its matched stems ({@link StemTerms}) could add a span to
 * those its body postings gave. The stem chain is the body's chain with a stemmer at its end, so
 * every body token has exactly one stem token: when the hit holds stem {@code s} exactly as many
 * times as the body matches already cover distinct tokens whose word stems to {@code s}, every word
 * re-analysis would mark for {@code s} is marked already. That is the common case (a hit of
 * "prices" holding no "price"), and it costs a term look-up per stem instead of analysing the whole
 * text. One per hit; not thread-safe.
 */
final class StemCover {

  /** Body words matched by a term query, each with the positions of its distinct matches. */
  private final Map<BytesRef, Set<Integer>> matched = new HashMap<>();

  /** Notes a body match of the single word {@code term} at {@code position}. */
  void add(BytesRef term, int position) {
    matched.computeIfAbsent(BytesRef.deepCopyOf(term), t -> new HashSet<>()).add(position);
  }

  /**
   * Whether every occurrence in document {@code docInLeaf} (in {@code language}) of the stems
   * {@code stems} is among the noted matches.
   */
  boolean covers(Set<BytesRef> stems, LeafReaderContext leaf, int docInLeaf, String language)
      throws IOException {
    String tag = Schema.stemTag(language);
    Map<String, Integer> noted = new HashMap<>();
    for (Map.Entry<BytesRef, Set<Integer>> e : matched.entrySet()) {
      String stem = WordStems.of(language, e.getKey().utf8ToString());
      if (stem != null) {
        noted.merge(stem, e.getValue().size(), Integer::sum);
      }
    }
    Terms terms = leaf.reader().terms(Schema.BODY_STEM);
    TermsEnum it = terms == null ? null : terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef stem : stems) {
      String s = stem.utf8ToString();
      if (!s.startsWith(tag)) {
        continue; // another language's stem: this article's text holds none of them
      }
      int held = 0;
      if (it != null && it.seekExact(stem)) {
        postings = it.postings(postings, PostingsEnum.FREQS);
        held = postings.advance(docInLeaf) == docInLeaf ? postings.freq() : 0;
      }
      if (held != noted.getOrDefault(s, 0)) {
        return false;
      }
    }
    return true;
  }
}
