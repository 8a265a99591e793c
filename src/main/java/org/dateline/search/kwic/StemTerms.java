package org.dateline.search.kwic;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;

/**
 * The body-stem terms through which a query matched one hit, for KWIC to find by re-analysing the
 * hit's text: the stem postings hold no offsets (schema 6), so the Matches API cannot say where.
 *
 * <p>A term is taken when every query above it matched the hit, which is what the Matches API would
 * report: required clauses of a matching query match; an optional clause or a disjunct that is a
 * disjunction of terms matches exactly where one of its terms occurs (so its terms are taken, and
 * re-analysis marks only those that occur); any other optional clause (a conjunction, say) is
 * checked against the hit, so {@code a OR (b AND c)} marks no {@code b} in a hit without {@code c};
 * excluded clauses match nothing. Stateless.
 */
final class StemTerms {

  private final LeafReaderContext leaf;
  private final int docInLeaf;

  private StemTerms(LeafReaderContext leaf, int docInLeaf) {
    this.leaf = leaf;
    this.docInLeaf = docInLeaf;
  }

  /** Whether {@code leaf}'s body stems carry offsets (indexes before schema 6 do). */
  static boolean offsetsIndexed(LeafReaderContext leaf) {
    FieldInfo fi = leaf.reader().getFieldInfos().fieldInfo(Schema.BODY_STEM);
    return fi != null
        && fi.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
            >= 0;
  }

  /** The stem terms of {@code hitQuery} (a rewritten query that matches the hit) that matched. */
  static Set<BytesRef> matched(Query hitQuery, LeafReaderContext leaf, int docInLeaf)
      throws IOException {
    Set<BytesRef> terms = new HashSet<>();
    new StemTerms(leaf, docInLeaf).collect(hitQuery, terms);
    return terms;
  }

  /** Collects the stem terms of {@code q}, known to match the hit. */
  private void collect(Query q, Set<BytesRef> into) throws IOException {
    if (q instanceof BoostQuery b) {
      collect(b.getQuery(), into);
    } else if (q instanceof ConstantScoreQuery c) {
      collect(c.getQuery(), into);
    } else if (q instanceof TermQuery t) {
      add(t.getTerm(), into);
    } else if (q instanceof SynonymQuery syn) {
      syn.getTerms().forEach(t -> add(t, into));
    } else if (q instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        switch (c.occur()) {
          case MUST, FILTER -> collect(c.query(), into);
          case SHOULD -> collectOptional(c.query(), into);
          case MUST_NOT -> {} // matches nothing
        }
      }
    } else if (q instanceof DisjunctionMaxQuery dis) {
      for (Query d : dis.getDisjuncts()) {
        collectOptional(d, into);
      }
    }
    // Other shapes (phrases, proximity, wildcards) search the exact fields only: no stems.
  }

  /** An optional part of a matching query: taken if it matched the hit. */
  private void collectOptional(Query q, Set<BytesRef> into) throws IOException {
    if (!hasStems(q)) {
      return;
    }
    if (termsOnly(q) || matchesHit(q)) {
      collect(q, into);
    }
  }

  /** Whether {@code q} matches a document exactly where one of its terms occurs. */
  private static boolean termsOnly(Query q) {
    if (q instanceof BoostQuery b) {
      return termsOnly(b.getQuery());
    }
    if (q instanceof ConstantScoreQuery c) {
      return termsOnly(c.getQuery());
    }
    if (q instanceof TermQuery || q instanceof SynonymQuery) {
      return true;
    }
    if (q instanceof BooleanQuery bq) {
      if (bq.getMinimumNumberShouldMatch() > 0) {
        return false;
      }
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() != BooleanClause.Occur.SHOULD || !termsOnly(c.query())) {
          return false;
        }
      }
      return true;
    }
    if (q instanceof DisjunctionMaxQuery dis) {
      return dis.getDisjuncts().stream().allMatch(StemTerms::termsOnly);
    }
    return false;
  }

  private static boolean hasStems(Query q) {
    boolean[] found = {false};
    q.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return Schema.BODY_STEM.equals(field);
          }

          @Override
          public void consumeTerms(Query query, Term... terms) {
            found[0] = true;
          }
        });
    return found[0];
  }

  /** Whether {@code q} matches the hit (rare: an optional conjunction holding a stem term). */
  private boolean matchesHit(Query q) throws IOException {
    IndexSearcher one = new IndexSearcher(ReaderUtil.getTopLevelContext(leaf));
    one.setQueryCache(null);
    return one.createWeight(one.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f)
            .matches(leaf, docInLeaf)
        != null;
  }

  private static void add(Term t, Set<BytesRef> into) {
    if (t.field().equals(Schema.BODY_STEM)) {
      into.add(BytesRef.deepCopyOf(t.bytes()));
    }
  }
}
