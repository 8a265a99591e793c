package org.dateline.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;

/**
 * Drops from a query the stem-field terms of languages in which the index holds no article. A plain
 * query word is asked in every stemmed language at once ("ar:strike", "de:strike", ... "ru:strike")
 * because a query cannot know the archive's languages; an archive of English wire copy then looks
 * up nine stems per word and field, and its KWIC takes the many-term path, to find one. A term no
 * document holds adds no match and no score (a synonym query's statistics sum over the terms that
 * occur), so the pruned query ranks every document exactly as the full one. The languages present
 * are read once per reader (one term-dictionary seek per language, field and segment). Thread-safe.
 */
final class StemLanguages {

  /** The language tags present in each open reader's stem fields, by the reader's cache key. */
  private static final Map<IndexReader.CacheKey, Set<String>> PRESENT = new ConcurrentHashMap<>();

  private static final List<String> TAGS =
      Schema.stemmedLanguages().stream().map(Schema::stemTag).toList();

  private StemLanguages() {}

  /** {@code query} without the stem terms of languages absent from {@code reader}. */
  static Query prune(Query query, IndexReader reader) throws IOException {
    Set<String> present = present(reader);
    return present.size() == TAGS.size() ? query : new Pruner(present).prune(query);
  }

  /** The stem tags ("en:") that occur in {@code reader}'s stem fields. */
  static Set<String> present(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return read(reader);
    }
    Set<String> known = PRESENT.get(helper.getKey());
    if (known == null) {
      known = read(reader);
      if (PRESENT.putIfAbsent(helper.getKey(), known) == null) {
        helper.addClosedListener(PRESENT::remove);
      }
    }
    return known;
  }

  private static Set<String> read(IndexReader reader) throws IOException {
    Set<String> found = new HashSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (String field : Schema.STEM_FIELDS.keySet()) {
        Terms terms = leaf.reader().terms(field);
        if (terms == null) {
          continue;
        }
        TermsEnum it = terms.iterator();
        for (String tag : TAGS) {
          BytesRef prefix = new BytesRef(tag);
          if (!found.contains(tag)
              && it.seekCeil(prefix) != TermsEnum.SeekStatus.END
              && startsWith(it.term(), prefix)) {
            found.add(tag);
          }
        }
      }
    }
    return Set.copyOf(found);
  }

  private static boolean startsWith(BytesRef term, BytesRef prefix) {
    return term.length >= prefix.length
        && java.util.Arrays.equals(
            term.bytes,
            term.offset,
            term.offset + prefix.length,
            prefix.bytes,
            prefix.offset,
            prefix.offset + prefix.length);
  }

  /** One walk over a query; queries it does not know are kept as they are. */
  private record Pruner(Set<String> present) {

    Query prune(Query q) {
      if (q instanceof BoostQuery b) {
        Query in = prune(b.getQuery());
        return in == b.getQuery() ? b : none(in) ? in : new BoostQuery(in, b.getBoost());
      }
      if (q instanceof BooleanQuery bq) {
        return bool(bq);
      }
      if (q instanceof SynonymQuery syn && isStem(syn.getField())) {
        return synonym(syn);
      }
      if (q instanceof TermQuery t && isStem(t.getTerm().field())) {
        return holds(t.getTerm()) ? t : new MatchNoDocsQuery("no article in its language");
      }
      if (q instanceof PhraseQuery p && isStem(p.getField())) {
        for (Term t : p.getTerms()) {
          if (!holds(t)) {
            return new MatchNoDocsQuery("no article in its language");
          }
        }
      }
      return q;
    }

    /**
     * A clause that can no longer match is left out when optional or excluding; a required one that
     * cannot match makes the whole query match nothing.
     */
    private Query bool(BooleanQuery bq) {
      BooleanQuery.Builder out = new BooleanQuery.Builder();
      out.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause c : bq.clauses()) {
        Query in = prune(c.query());
        changed |= in != c.query();
        if (!none(in)) {
          out.add(in, c.occur());
        } else if (c.occur() == BooleanClause.Occur.MUST
            || c.occur() == BooleanClause.Occur.FILTER) {
          return in;
        }
      }
      if (!changed) {
        return bq;
      }
      BooleanQuery pruned = out.build();
      return pruned.clauses().isEmpty()
          ? new MatchNoDocsQuery("no article in its languages")
          : pruned;
    }

    /** The stacked stems of one word, less those of absent languages (same score: see above). */
    private Query synonym(SynonymQuery syn) {
      List<Term> terms = syn.getTerms();
      SynonymQuery.Builder all = new SynonymQuery.Builder(syn.getField());
      SynonymQuery.Builder kept = new SynonymQuery.Builder(syn.getField());
      int n = 0;
      for (Term t : terms) {
        all.addTerm(t);
        if (holds(t)) {
          kept.addTerm(t);
          n++;
        }
      }
      if (n == terms.size() || !all.build().equals(syn)) {
        return syn; // nothing to drop, or terms with boosts of their own: left as they are
      }
      return n == 0 ? new MatchNoDocsQuery("no article in its languages") : kept.build();
    }

    private boolean holds(Term t) {
      String text = t.text();
      int colon = text.indexOf(':');
      return colon < 0 || present.contains(text.substring(0, colon + 1));
    }

    private static boolean isStem(String field) {
      return Schema.isStemField(field);
    }

    private static boolean none(Query q) {
      return q instanceof MatchNoDocsQuery;
    }
  }
}
