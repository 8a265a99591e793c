package org.dateline.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The form an alert's query is matched in, made once when the alert is first matched: the query's
 * logic (all of, any of, none of) over the words it looks up, with what only scores dropped
 * (boosts, the weights of a word's nine-language stems). A new article is small, so asking it "do
 * you hold this word in this field" is a lookup; building a Lucene weight for the same question,
 * per alert per article, was most of the matching time (issue 17's profile). What is not a word, a
 * prefix or their logic (a phrase, a date range, a fuzzy word) stays a Lucene query, run as before.
 * Matches exactly what the query matches: {@code MatchFormTest} compares the two on every kind of
 * query. Immutable.
 */
final class MatchForm {

  private MatchForm() {}

  /** A part of the form: which articles of a batch it matches is {@link MatchRun}'s to say. */
  sealed interface Node permits Word, Prefix, Phrase, Range, AnyOf, AllOf, Constant, Lucene {}

  /**
   * Articles with {@code term} in {@code field}; {@code id} numbers the lookup ({@link LookupIds}).
   */
  record Word(String field, BytesRef term, int id) implements Node {
    Word(String field, BytesRef term) {
      this(field, term, LookupIds.of(LookupIds.Kind.WORD, field, term));
    }
  }

  /** Articles with a word that starts with {@code prefix} in {@code field}. */
  record Prefix(String field, BytesRef prefix, int id) implements Node {
    Prefix(String field, BytesRef prefix) {
      this(field, prefix, LookupIds.of(LookupIds.Kind.PREFIX, field, prefix));
    }
  }

  /**
   * Articles with {@code words} at {@code offsets} from one place in {@code field} (an exact phrase
   * of two or more words, as {@code query} matches it).
   */
  record Phrase(PhraseQuery query, String field, List<Word> words, int[] offsets) implements Node {}

  /** Articles with a value of one-dimensional points {@code field} from lower to upper (bytes). */
  record Range(PointRangeQuery query, String field, byte[] lower, byte[] upper) implements Node {}

  /**
   * Articles any of the parts match (none: no article). The words among the parts, which come
   * first, are also kept as their lookup numbers side by side ({@code wordIds}, the same words in
   * {@code words}): a run asks the batch's memo by number and reaches a word itself only when the
   * memo does not hold it (a plain word is four fields' words; reaching each word object per
   * candidate was a cache miss each with 100k alerts, issue 17's profile).
   */
  record AnyOf(List<Node> parts, int[] wordIds, Word[] words) implements Node {
    AnyOf(List<Node> parts) {
      this(parts, leadingWords(parts));
    }

    private AnyOf(List<Node> parts, Word[] words) {
      this(parts, java.util.Arrays.stream(words).mapToInt(Word::id).toArray(), words);
    }

    private static Word[] leadingWords(List<Node> parts) {
      int n = 0;
      while (n < parts.size() && parts.get(n) instanceof Word) {
        n++;
      }
      return parts.subList(0, n).toArray(new Word[0]);
    }
  }

  /** Articles every one of {@code all} matches and none of {@code none} (needs one of all). */
  record AllOf(List<Node> all, List<Node> none) implements Node {}

  /** Every article of the batch, or none. */
  record Constant(boolean every) implements Node {}

  /** A query kept as Lucene runs it. */
  record Lucene(Query query) implements Node {}

  static final Node EVERY = new Constant(true);
  static final Node NOTHING = new Constant(false);

  /** The form of {@code query}. */
  static Node of(Query query) {
    return switch (query) {
      case DeferredQuery d -> of(d.parsed());
      case BoostQuery b -> of(b.getQuery());
      case ConstantScoreQuery c -> of(c.getQuery());
      case TermQuery t -> new Word(t.getTerm().field(), BytesRef.deepCopyOf(t.getTerm().bytes()));
      case SynonymQuery s -> anyOf(s.getTerms().stream().map(t -> of(new TermQuery(t))).toList());
      case PrefixQuery p ->
          new Prefix(p.getPrefix().field(), BytesRef.deepCopyOf(p.getPrefix().bytes()));
      case PhraseQuery p when p.getSlop() == 0 && p.getTerms().length > 1 -> phrase(p);
      case PointRangeQuery r when r.getNumDims() == 1 ->
          new Range(r, r.getField(), r.getLowerPoint(), r.getUpperPoint());
      case BooleanQuery b -> bool(b);
      case MatchAllDocsQuery m -> EVERY;
      case MatchNoDocsQuery m -> NOTHING;
      default -> new Lucene(query);
    };
  }

  /**
   * A boolean query as Lucene reads it: required and filter clauses must all match, prohibited ones
   * must not; optional ones only score unless nothing is required (then one must match) or the
   * query asks for one; a query with nothing positive matches nothing. Asking for two or more
   * optional clauses is left to Lucene (the parser never does).
   */
  private static Node bool(BooleanQuery b) {
    int least = b.getMinimumNumberShouldMatch();
    if (least > 1) {
      return new Lucene(b);
    }
    List<Node> all = new ArrayList<>();
    List<Node> none = new ArrayList<>();
    List<Node> any = new ArrayList<>();
    for (BooleanClause c : b.clauses()) {
      switch (c.occur()) {
        case MUST, FILTER -> all.add(of(c.query()));
        case MUST_NOT -> none.add(of(c.query()));
        case SHOULD -> any.add(of(c.query()));
      }
    }
    if (!any.isEmpty() && (all.isEmpty() || least == 1)) {
      all.add(anyOf(any));
    } else if (any.isEmpty() && least == 1) {
      return NOTHING;
    }
    if (all.isEmpty() || all.contains(NOTHING) || none.contains(EVERY)) {
      return NOTHING;
    }
    all.removeIf(EVERY::equals);
    if (all.isEmpty()) {
      all.add(EVERY);
    }
    if (all.size() == 1 && none.isEmpty()) {
      return all.get(0);
    }
    none.removeIf(NOTHING::equals);
    return new AllOf(cheapFirst(all), cheapFirst(none));
  }

  private static Node phrase(PhraseQuery p) {
    List<Word> words = new ArrayList<>();
    for (org.apache.lucene.index.Term t : p.getTerms()) {
      words.add(new Word(t.field(), BytesRef.deepCopyOf(t.bytes())));
    }
    return new Phrase(p, p.getField(), List.copyOf(words), p.getPositions());
  }

  /** Any of {@code parts}, nested disjunctions flattened. */
  private static Node anyOf(List<Node> parts) {
    List<Node> flat = new ArrayList<>();
    for (Node p : parts) {
      if (p instanceof AnyOf inner) {
        flat.addAll(inner.parts());
      } else if (p.equals(EVERY)) {
        return EVERY;
      } else if (!p.equals(NOTHING)) {
        flat.add(p);
      }
    }
    if (flat.isEmpty()) {
      return NOTHING;
    }
    return flat.size() == 1 ? flat.get(0) : new AnyOf(cheapFirst(flat));
  }

  /** Lookups before walks, Lucene queries last: a conjunction stops at its first miss. */
  private static List<Node> cheapFirst(List<Node> nodes) {
    List<Node> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparingInt(MatchForm::cost));
    return List.copyOf(sorted);
  }

  private static int cost(Node n) {
    return switch (n) {
      case Constant c -> 0;
      case Word w -> 1;
      case Range r -> 2;
      case AnyOf a -> 2;
      case AllOf a -> 3;
      case Prefix p -> 4;
      case Phrase p -> 4;
      case Lucene l -> 5;
    };
  }
}
