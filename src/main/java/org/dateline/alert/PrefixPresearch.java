package org.dateline.alert;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;

/**
 * Presearch for prefix queries ({@code pric*}): the monitor cannot take terms from a prefix and
 * runs such a query against every article (a twentieth of the generated alerts were half of the
 * candidates run per article, issue 17). Here a prefix query is indexed under its first {@link
 * #MAX} characters, marked, and each article offers, for every word, its first {@link #MIN} to
 * {@link #MAX} characters, marked: a word that starts with the prefix always offers the key, so no
 * match is lost. A prefix shorter than {@link #MIN} (or a wildcard of another shape) is still run
 * against every article. Thread-safe: stateless; each filter belongs to one stream.
 */
final class PrefixPresearch implements CustomQueryHandler {

  /** Prefixes shorter than this are run on every article (too many words share them). */
  static final int MIN = 3;

  /** The longest key a prefix query is indexed under. */
  static final int MAX = 5;

  /** Marks a key, so that it never equals a word of the article (words are folded, no controls). */
  static final String MARK = "\u0001*";

  @Override
  public QueryTree handleQuery(Query q, TermWeightor weightor) {
    if (!(q instanceof PrefixQuery prefix)) {
      return null;
    }
    String text = prefix.getPrefix().text();
    int points = text.codePointCount(0, text.length());
    if (points < MIN) {
      return null;
    }
    String key = text.substring(0, text.offsetByCodePoints(0, Math.min(points, MAX))) + MARK;
    Term term = new Term(prefix.getField(), key);
    return QueryTree.term(term.field(), term.bytes(), weightor.applyAsDouble(term));
  }

  @Override
  public TokenStream wrapTermStream(String field, TokenStream terms) {
    // stems are never searched by a prefix query (a wildcard searches the exact words only)
    return Schema.isStemField(field) ? terms : new Keys(terms);
  }

  /** Each word, then its marked keys: its first MIN, MIN + 1, ... MAX characters. */
  private static final class Keys extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private String word;
    private int next;

    Keys(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (word != null) {
        int points = word.codePointCount(0, word.length());
        if (next <= Math.min(points, MAX)) {
          String key = word.substring(0, word.offsetByCodePoints(0, next)) + MARK;
          clearAttributes(); // a fresh token: the filters after this one count its position
          term.append(key);
          next++;
          return true;
        }
        word = null;
      }
      if (!input.incrementToken()) {
        return false;
      }
      word = term.toString();
      next = MIN;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      word = null;
    }
  }

  /** The bytes of a key (for tests). */
  static BytesRef key(String prefix) {
    return new BytesRef(prefix + MARK);
  }
}
