package org.dateline.search.kwic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
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
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.util.StringHelper;
import org.dateline.index.Schema;

/**
 * Builds keyword-in-context lines from the offsets the Matches API reads out of the postings: a
 * phrase or proximity query yields one span for the whole match, so {@code match} is exactly the
 * text that matched. Stateless.
 *
 * <p>A wildcard or fuzzy term expands into a disjunction of every word it matches (hundreds for
 * {@code bank*}), and the Matches API opens a postings list for each of them for every hit: that
 * was most of such a request's time. For queries whose matches in a hit are exactly the occurrences
 * of a set of body terms ({@link #flatBodyTerms}), a hit with many such terms is instead
 * re-analysed with the index analyzer (the same tokens and offsets the postings hold) and its
 * tokens looked up in the set: the same spans, found in time proportional to the text, not to the
 * terms.
 */
public final class Kwic {

  /** Characters of context wanted on each side, before cutting back to a word boundary. */
  public static final int CONTEXT_CHARS = 60;

  private Kwic() {}

  /** The matches of one hit, as lines, plus the total number of matches. */
  public record Result(List<KwicLine> lines, int total) {}

  /** From this many body terms on, re-analysing a hit's text beats opening their postings. */
  static final int MANY_TERMS = 8;

  /** Characters of text per query term up to which re-analysis is the cheaper of the two. */
  static final int CHARS_PER_TERM = 1_000;

  private static final Analyzer INDEX_ANALYZER = Schema.indexAnalyzer();

  /**
   * Reads the body matches of {@code docInLeaf} and turns the first {@code maxLines} into lines;
   * {@code bodyTerms} is the query's {@link #flatBodyTerms} (or null): the spans come from
   * re-analysis when that is cheaper.
   */
  public static Result forHit(
      Weight weight,
      Set<BytesRef> bodyTerms,
      LeafReaderContext leaf,
      int docInLeaf,
      String text,
      int maxLines)
      throws IOException {
    return forHit(weight, bodyTerms, leaf, docInLeaf, text, null, maxLines);
  }

  /**
   * {@link #forHit}, for an article in {@code language} (or null): re-analysis then also finds the
   * inflected forms its stems matched.
   */
  public static Result forHit(
      Weight weight,
      Set<BytesRef> bodyTerms,
      LeafReaderContext leaf,
      int docInLeaf,
      String text,
      String language,
      int maxLines)
      throws IOException {
    return forHit(weight, bodyTerms, null, null, leaf, docInLeaf, text, language, maxLines);
  }

  /**
   * {@link #forHit}, where {@code states} are {@link #bodyStates} of {@code bodyTerms} (or null):
   * then the spans of a few body terms are read from their postings; and where {@code phrases} are
   * the query's {@link BodyPhrases} (or null): then the spans of an exact phrase are read from its
   * words' positions.
   */
  public static Result forHit(
      Weight weight,
      Set<BytesRef> bodyTerms,
      Map<BytesRef, TermStates> states,
      BodyPhrases phrases,
      LeafReaderContext leaf,
      int docInLeaf,
      String text,
      String language,
      int maxLines)
      throws IOException {
    List<int[]> spans;
    if (bodyTerms == null) {
      spans =
          phrases == null
              ? spans(weight, leaf, docInLeaf, text, language)
              : phrases.spans(weight, leaf, docInLeaf, text, language);
    } else if (bodyTerms.size() < MANY_TERMS) {
      spans =
          states == null
              ? spans(weight, leaf, docInLeaf, text, language)
              : postingSpans(weight, bodyTerms, states, leaf, docInLeaf, text, language);
    } else if (text != null && text.length() <= (long) CHARS_PER_TERM * bodyTerms.size()) {
      spans = termSpans(bodyTerms, text, language);
    } else {
      spans = spans(weight, leaf, docInLeaf, text, language);
    }
    List<KwicLine> lines = new ArrayList<>(Math.min(maxLines, spans.size()));
    for (int i = 0; i < spans.size() && lines.size() < maxLines; i++) {
      int[] span = spans.get(i);
      lines.add(line(text, span[0], span[1]));
    }
    return new Result(lines, spans.size());
  }

  /**
   * Match spans in offset order, overlapping spans merged (a catenated token and its parts), of a
   * hit whose {@code text} is in {@code language} (or null): the body's own words from the offsets
   * in its postings; an inflected form its stems matched by re-analysing {@code text} (null: none),
   * the stem postings holding no offsets ({@link StemTerms}).
   */
  public static List<int[]> spans(
      Weight weight, LeafReaderContext leaf, int docInLeaf, String text, String language)
      throws IOException {
    Matches matches = weight.matches(leaf, docInLeaf);
    if (matches == null) {
      return List.of();
    }
    List<int[]> raw = new ArrayList<>();
    StemCover cover = new StemCover();
    addMatchSpans(matches, Schema.BODY, raw, cover);
    if (StemTerms.offsetsIndexed(leaf)) {
      addMatchSpans(matches, Schema.BODY_STEM, raw, null); // an index from before schema 6
    } else {
      addStemSpans(weight, leaf, docInLeaf, text, language, cover, raw);
    }
    return merge(raw);
  }

  /**
   * {@link #spans} of a hit of a query with {@link #flatBodyTerms} {@code bodyTerms} (a few): its
   * matches in the body are exactly the occurrences of those terms, so they are read from each
   * term's postings (offsets and positions) rather than through the Matches API, which builds a
   * matches tree over the whole query and opens fresh postings for every term of every hit. The
   * stems are then found as {@link #spans} finds them. The same spans, in the same order.
   */
  static List<int[]> postingSpans(
      Weight weight,
      Set<BytesRef> bodyTerms,
      Map<BytesRef, TermStates> states,
      LeafReaderContext leaf,
      int docInLeaf,
      String text,
      String language)
      throws IOException {
    FieldInfo body = leaf.reader().getFieldInfos().fieldInfo(Schema.BODY);
    if (StemTerms.offsetsIndexed(leaf)
        || (body != null
            && body.getIndexOptions()
                    .compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
                < 0)) {
      return spans(weight, leaf, docInLeaf, text, language); // an index from before schema 6
    }
    List<int[]> raw = new ArrayList<>();
    StemCover cover = new StemCover();
    Terms terms = leaf.reader().terms(Schema.BODY);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef term : bodyTerms) {
        // a stem term ("en:strike") has no states here: the stem field is read below
        TermStates where = states.get(term);
        IOSupplier<TermState> state = where == null ? null : where.get(leaf);
        TermState found = state == null ? null : state.get();
        if (found == null) {
          continue;
        }
        it.seekExact(term, found);
        postings = it.postings(postings, PostingsEnum.OFFSETS);
        if (postings.advance(docInLeaf) != docInLeaf) {
          continue;
        }
        for (int i = postings.freq(); i > 0; i--) {
          int position = postings.nextPosition();
          if (postings.startOffset() >= 0) {
            raw.add(new int[] {postings.startOffset(), postings.endOffset()});
          }
          cover.add(term, position);
        }
      }
    }
    addStemSpans(weight, leaf, docInLeaf, text, language, cover, raw);
    return merge(raw);
  }

  /**
   * The spans of the inflected forms the hit's stems matched (the stem postings holding no
   * offsets): {@code text} re-analysed for them unless its body matches, noted in {@code cover},
   * already hold every word they stem from.
   */
  static void addStemSpans(
      Weight weight,
      LeafReaderContext leaf,
      int docInLeaf,
      String text,
      String language,
      StemCover cover,
      List<int[]> into)
      throws IOException {
    Analyzer stems = Schema.stemAnalyzer(language);
    if (stems != null && text != null) {
      Set<BytesRef> matched = StemTerms.matched(weight.getQuery(), leaf, docInLeaf);
      if (!matched.isEmpty() && !cover.covers(matched, leaf, docInLeaf, language)) {
        addTermSpans(stems, Schema.BODY_STEM, matched, text, into);
      }
    }
  }

  /**
   * Where each of {@code bodyTerms} ({@link #flatBodyTerms} of {@code rewritten}) that the query
   * asks of the body field itself (not a stem) is in each segment of {@code searcher}'s body
   * postings, looked up once for all the hits of a request; null when they are none or too many for
   * {@link #postingSpans} ({@link #MANY_TERMS}).
   */
  public static Map<BytesRef, TermStates> bodyStates(
      IndexSearcher searcher, Query rewritten, Set<BytesRef> bodyTerms) throws IOException {
    if (bodyTerms == null || bodyTerms.size() >= MANY_TERMS) {
      return null;
    }
    return termStates(searcher, rewritten, bodyTerms);
  }

  /** {@link #bodyStates}, for any number of terms. */
  static Map<BytesRef, TermStates> termStates(
      IndexSearcher searcher, Query rewritten, Set<BytesRef> bodyTerms) throws IOException {
    Set<BytesRef> inBody = new HashSet<>();
    rewritten.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
              if (t.field().equals(Schema.BODY)) {
                inBody.add(t.bytes());
              }
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    Map<BytesRef, TermStates> states = new HashMap<>();
    for (BytesRef term : bodyTerms) {
      if (inBody.contains(term)) {
        states.put(term, TermStates.build(searcher, new Term(Schema.BODY, term), false));
      }
    }
    return states;
  }

  /**
   * The spans of {@code field}'s matches; each single-word match noted in {@code cover} (or null).
   */
  private static void addMatchSpans(
      Matches matches, String field, List<int[]> into, StemCover cover) throws IOException {
    MatchesIterator it = matches.getMatches(field);
    while (it != null && it.next()) {
      if (it.startOffset() >= 0) {
        into.add(new int[] {it.startOffset(), it.endOffset()});
      }
      if (cover != null
          && it.getQuery() instanceof TermQuery t
          && t.getTerm().field().equals(field)) {
        cover.add(t.getTerm().bytes(), it.startPosition());
      }
    }
  }

  /**
   * The spans of {@code text} whose tokens (by the index analyzer) are among {@code terms}, in
   * offset order, overlapping spans merged: for a query with {@link #flatBodyTerms}, exactly what
   * {@link #spans} reads from the postings.
   */
  static List<int[]> termSpans(Set<BytesRef> terms, String text) {
    return termSpans(terms, text, null);
  }

  /**
   * {@link #termSpans(Set, String)} for an article in {@code language}: its stem terms among {@code
   * terms} (as the stem field holds them, tagged with the language) mark words too.
   */
  public static List<int[]> termSpans(Set<BytesRef> terms, String text, String language) {
    List<int[]> raw = new ArrayList<>();
    addTermSpans(INDEX_ANALYZER, Schema.BODY, terms, text, raw);
    Analyzer stems = Schema.stemAnalyzer(language);
    // Every token of the stem chain starts with the language's tag ("en:"): without a term that
    // does, re-analysing the text for stems (the larger half of this method's time) finds nothing.
    if (stems != null && anyStartsWith(terms, Schema.stemTag(language))) {
      addTermSpans(stems, Schema.BODY_STEM, terms, text, raw);
    }
    return merge(raw);
  }

  /** Whether some term of {@code terms} begins with {@code prefix} (UTF-8). */
  static boolean anyStartsWith(Set<BytesRef> terms, String prefix) {
    BytesRef p = new BytesRef(prefix);
    for (BytesRef t : terms) {
      if (StringHelper.startsWith(t, p)) {
        return true;
      }
    }
    return false;
  }

  private static void addTermSpans(
      Analyzer analyzer, String field, Set<BytesRef> terms, String text, List<int[]> into) {
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (terms.contains(term.getBytesRef())) {
          into.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("re-analysing a hit's text failed", e); // text is in memory
    }
  }

  /**
   * The body terms of a rewritten query whose matches in any hit are exactly the occurrences of
   * those terms, or null for other shapes. That holds for terms, disjunctions of terms, and
   * conjunctions of such (every required clause matches a hit; an optional disjunction matches
   * where its terms occur); prohibited clauses match nothing. It does not hold for phrases and
   * other positional queries, or for an optional clause that could fail while holding one of its
   * terms (a conjunction, an exclusion, a minimum to match), so those keep the Matches API.
   */
  public static Set<BytesRef> flatBodyTerms(Query rewritten) {
    Set<BytesRef> terms = new HashSet<>();
    return collect(rewritten, false, terms) ? terms : null;
  }

  /** With {@code optional}, {@code q} must be a pure disjunction. */
  private static boolean collect(Query q, boolean optional, Set<BytesRef> into) {
    if (q instanceof BoostQuery b) {
      return collect(b.getQuery(), optional, into);
    }
    if (q instanceof MatchNoDocsQuery) {
      return true; // e.g. a fuzzy term near no word: no hits to show
    }
    if (q instanceof TermQuery t) {
      addBodyTerm(t.getTerm(), into);
      return true;
    }
    if (q instanceof SynonymQuery syn) {
      // any of its terms (a word's stems in every language, tagged: "en:strike", "fr:strik")
      syn.getTerms().forEach(t -> addBodyTerm(t, into));
      return true;
    }
    if (q instanceof BooleanQuery bq) {
      if (optional && bq.getMinimumNumberShouldMatch() > 0) {
        return false; // may hold some of its terms without matching
      }
      for (BooleanClause c : bq.clauses()) {
        boolean ok =
            switch (c.occur()) {
              case MUST_NOT -> !optional; // an optional clause it voids would hide present terms
              case SHOULD -> collect(c.query(), true, into);
              case MUST, FILTER -> !optional && collect(c.query(), false, into);
            };
        if (!ok) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Body terms and body stems (which never collide: a stem carries its language and a colon). */
  private static void addBodyTerm(Term t, Set<BytesRef> into) {
    if (t.field().equals(Schema.BODY) || t.field().equals(Schema.BODY_STEM)) {
      into.add(BytesRef.deepCopyOf(t.bytes()));
    }
  }

  static List<int[]> merge(List<int[]> raw) {
    raw.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> merged = new ArrayList<>(raw.size());
    for (int[] span : raw) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span[0] < last[1]) {
        last[1] = Math.max(last[1], span[1]);
      } else {
        merged.add(span);
      }
    }
    return merged;
  }

  /** One line around {@code [start, end)}, context cut at word boundaries and made single-line. */
  public static KwicLine line(String text, int start, int end) {
    int leftFrom = Math.max(0, start - CONTEXT_CHARS);
    if (leftFrom > 0) {
      int space = indexOfSpace(text, leftFrom, start);
      leftFrom = space < 0 ? leftFrom : space + 1;
    }
    int rightTo = Math.min(text.length(), end + CONTEXT_CHARS);
    if (rightTo < text.length()) {
      int space = lastIndexOfSpace(text, end, rightTo);
      rightTo = space < 0 ? rightTo : space;
    }
    return new KwicLine(
        flatten(text.substring(leftFrom, start)),
        flatten(text.substring(start, end)),
        flatten(text.substring(end, rightTo)),
        start);
  }

  private static int indexOfSpace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOfSpace(String text, int from, int to) {
    for (int i = to; i > from; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Line breaks and runs of white space become one space, so a line prints on one line. */
  static String flatten(String s) {
    // A hand loop, not replaceAll: this runs for every KWIC line of every hit.
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = isRegexSpace(c);
      if (space && (c != ' ' || (i + 1 < s.length() && isRegexSpace(s.charAt(i + 1))))) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < s.length() && isRegexSpace(s.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** What the regex class \\s matches: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
