package org.dateline.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.dateline.index.Schema;

/**
 * Our presearcher: which alerts an article can match, found by hash lookups of the article's words
 * instead of a search over the monitor's query index. Each alert keeps the terms lucene-monitor's
 * term-filtering presearcher chose for it, pass by pass (the same terms it writes into its query
 * index: {@link #keysOf} at registration, {@link #readSaved} at a restart); an alert is a candidate
 * for an article when, in every pass, the article holds one of that pass's terms in the same field,
 * or when the presearcher marked the alert as matching any article. That is the condition the
 * monitor's query over its index evaluates, so the candidates are the same alerts (compared in
 * {@code CandidateTableTest}); only how they are found differs: the monitor's search over the query
 * index and reading each candidate's id were 55 % of matching one article (issue 17's profile).
 * Thread-safe: lookups share a read lock, changes take the write lock.
 */
final class CandidateTable {

  /** The field lucene-monitor marks an alert with when any article can match it. */
  static final String ANY_FIELD = "__anytokenfield";

  /** The field lucene-monitor keeps each query's id in (sorted doc values) in its query index. */
  private static final String ID_FIELD = "_query_id";

  /** The bytes that end a prefix's key ({@link PrefixPresearch#MARK}). */
  private static final byte[] MARK =
      PrefixPresearch.MARK.getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /** One alert's terms: pass by pass, field by field (and whether it matches any article). */
  record Keys(List<Map<String, List<BytesRef>>> passes, boolean any) {}

  /** The terms of one field: each term's alerts, as {@code slot * passes + pass}. */
  private static final class Field {
    final BytesRefHash terms = new BytesRefHash();
    int[][] postings = new int[16][];
    int[] sizes = new int[16];
    boolean prefixKeys;

    void add(BytesRef term, int entry) {
      append(id(term), entry);
    }

    /** The number of {@code term} in this field (added if new). */
    int id(BytesRef term) {
      int t = terms.add(term);
      if (t < 0) {
        return -t - 1;
      }
      if (endsWithMark(term)) {
        prefixKeys = true;
      }
      return t;
    }

    /** Adds {@code entry} to the alerts of term number {@code t}. */
    void append(int t, int entry) {
      if (t >= postings.length) {
        postings = Arrays.copyOf(postings, Math.max(t + 1, postings.length * 2));
        sizes = Arrays.copyOf(sizes, postings.length);
      }
      int[] p = postings[t];
      if (p == null) {
        p = postings[t] = new int[2];
      } else if (sizes[t] == p.length) {
        p = postings[t] = Arrays.copyOf(p, p.length * 2);
      }
      p[sizes[t]++] = entry;
    }
  }

  private final int passes;
  private final int full;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Field> fields = new HashMap<>();
  private final Map<String, Integer> slots = new HashMap<>();
  private final BitSet any = new BitSet();
  private String[] ids = new String[1024];
  private int[] numbers = new int[1024];
  private final AlertNumbers numbering;
  private Query[] queries = new Query[1024];
  private MatchForm.Node[] forms = new MatchForm.Node[1024];
  private final java.util.concurrent.atomic.LongAdder refused =
      new java.util.concurrent.atomic.LongAdder();
  private int next;

  CandidateTable(int passes) {
    this(passes, new AlertNumbers());
  }

  /** A table whose visitors are told each alert's number in {@code numbering}. */
  CandidateTable(int passes, AlertNumbers numbering) {
    this.numbering = numbering;
    if (passes < 1 || passes > 8) {
      throw new IllegalArgumentException("passes: 1 to 8, got " + passes);
    }
    this.passes = passes;
    this.full = (1 << passes) - 1;
  }

  /**
   * Puts alert {@code id} (its {@code query}, the form it is matched in if made, and its keys),
   * replacing what it had.
   */
  void put(String id, Query query, MatchForm.Node form, Keys keys) {
    lock.writeLock().lock();
    try {
      int slot = slotFor(id, query, form);
      if (keys.any()) {
        any.set(slot);
      }
      for (int pass = 0; pass < keys.passes().size() && pass < passes; pass++) {
        for (Map.Entry<String, List<BytesRef>> e : keys.passes().get(pass).entrySet()) {
          Field f = fields.computeIfAbsent(e.getKey(), k -> new Field());
          for (BytesRef term : e.getValue()) {
            f.add(term, slot * passes + pass);
          }
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** A new slot for alert {@code id} (its old one, if any, is no longer used). */
  private int slotFor(String id, Query query, MatchForm.Node form) {
    removeLocked(id);
    int slot = next++;
    if (slot == ids.length) {
      int size = ids.length * 2;
      ids = Arrays.copyOf(ids, size);
      numbers = Arrays.copyOf(numbers, size);
      queries = Arrays.copyOf(queries, size);
      forms = Arrays.copyOf(forms, size);
    }
    ids[slot] = id;
    numbers[slot] = numbering.of(id);
    queries[slot] = query;
    forms[slot] = form;
    slots.put(id, slot);
    return slot;
  }

  /** Forgets alert {@code id} (its terms stay in the table, pointing at a slot no longer used). */
  void remove(String id) {
    lock.writeLock().lock();
    try {
      removeLocked(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void removeLocked(String id) {
    Integer was = slots.remove(id);
    if (was != null) {
      ids[was] = null;
      queries[was] = null;
      forms[was] = null;
      any.clear(was);
    }
  }

  /**
   * What is done with each alert a batch may match: its number (in the table's {@link
   * AlertNumbers}) and the form it is matched in.
   */
  interface Visitor {
    void candidate(int number, MatchForm.Node form) throws IOException;
  }

  /**
   * Tells {@code visitor} each alert the articles of {@code batch} can match (once each), under the
   * read lock: the alerts do not change while a batch is matched. An alert whose form cannot be
   * made (a deferred search that the limits now refuse) is skipped and counted ({@link #refused}),
   * as the monitor skips a candidate that fails. Returns how many alerts were candidates.
   */
  int candidates(LeafReader batch, Visitor visitor) throws IOException {
    lock.readLock().lock();
    try {
      Scratch s = Scratch.forThisThread(next);
      int gen = s.newBatch();
      int n = 0;
      for (FieldInfo info : batch.getFieldInfos()) {
        Field f = fields.get(info.name);
        Terms terms = f == null ? null : batch.terms(info.name);
        if (terms == null) {
          continue;
        }
        boolean prefixes = f.prefixKeys && !Schema.isStemField(info.name);
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          n = hit(f, t, s, gen, n);
          if (prefixes) { // as PrefixPresearch offers: the word's first MIN to MAX letters, marked
            int cut = 0;
            for (int points = 1; cut < t.length && points <= PrefixPresearch.MAX; points++) {
              cut = nextPoint(t, cut);
              if (points >= PrefixPresearch.MIN) {
                n = hit(f, s.key(t, cut, MARK), s, gen, n);
              }
            }
          }
        }
      }
      int done = gen << 8 | full;
      for (int slot = any.nextSetBit(0); slot >= 0; slot = any.nextSetBit(slot + 1)) {
        if (s.marks[slot] != done) {
          s.marks[slot] = done;
          n = s.add(n, slot);
        }
      }
      int[] found = s.found;
      int candidates = 0;
      for (int i = 0; i < n; i++) {
        int slot = found[i];
        if (ids[slot] == null) {
          continue; // removed (its terms stay in the table)
        }
        candidates++;
        MatchForm.Node form = forms[slot];
        if (form == null) {
          try {
            form = MatchForm.of(queries[slot]); // a deferred search, parsed now
          } catch (RuntimeException cannot) {
            refused.increment();
            continue;
          }
          forms[slot] = form;
        }
        visitor.candidate(numbers[slot], form);
      }
      return candidates;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** How many alerts the table holds. */
  int size() {
    lock.readLock().lock();
    try {
      return slots.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Writes the table as it is ({@link TableSnapshot}): its slots' ids (empty: a slot no longer
   * used), the alerts that match any article, and each field's terms, in number order, with their
   * alerts.
   */
  void writeTo(java.io.DataOutputStream out) throws IOException {
    lock.readLock().lock();
    try {
      out.writeInt(passes);
      out.writeInt(next);
      for (int slot = 0; slot < next; slot++) {
        out.writeUTF(ids[slot] == null ? "" : ids[slot]);
      }
      long[] anyWords = any.toLongArray();
      out.writeInt(anyWords.length);
      for (long w : anyWords) {
        out.writeLong(w);
      }
      out.writeInt(fields.size());
      BytesRef term = new BytesRef();
      for (Map.Entry<String, Field> e : fields.entrySet()) {
        Field f = e.getValue();
        out.writeUTF(e.getKey());
        out.writeBoolean(f.prefixKeys);
        out.writeInt(f.terms.size());
        for (int t = 0; t < f.terms.size(); t++) {
          f.terms.get(t, term);
          out.writeInt(term.length);
          out.write(term.bytes, term.offset, term.length);
          int n = t < f.sizes.length ? f.sizes[t] : 0;
          out.writeInt(n);
          for (int k = 0; k < n; k++) {
            out.writeInt(f.postings[t][k]);
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Fills this empty table from what {@link #writeTo} wrote, each alert's query given by {@code
   * queryOf} (its form made at first need); returns the alerts' ids. Throws when the bytes are not
   * such a table.
   */
  Set<String> readFrom(
      java.io.DataInputStream in, java.util.function.Function<String, Query> queryOf)
      throws IOException {
    lock.writeLock().lock();
    try {
      if (next != 0 || in.readInt() != passes) {
        throw new IOException("not a table of " + passes + " passes, or not empty");
      }
      int n = in.readInt();
      ids = new String[Math.max(1024, n)];
      numbers = new int[ids.length];
      queries = new Query[ids.length];
      forms = new MatchForm.Node[ids.length];
      for (int slot = 0; slot < n; slot++) {
        String id = in.readUTF();
        if (!id.isEmpty()) {
          ids[slot] = id;
          numbers[slot] = numbering.of(id);
          queries[slot] = queryOf.apply(id);
          if (slots.put(id, slot) != null) {
            throw new IOException("alert " + id + " has two slots");
          }
        }
      }
      next = n;
      long[] anyWords = new long[in.readInt()];
      for (int i = 0; i < anyWords.length; i++) {
        anyWords[i] = in.readLong();
      }
      any.or(BitSet.valueOf(anyWords));
      int fieldCount = in.readInt();
      for (int i = 0; i < fieldCount; i++) {
        Field f = new Field();
        fields.put(in.readUTF(), f);
        f.prefixKeys = in.readBoolean();
        int terms = in.readInt();
        f.postings = new int[Math.max(16, terms)][];
        f.sizes = new int[f.postings.length];
        for (int t = 0; t < terms; t++) {
          byte[] bytes = new byte[in.readInt()];
          in.readFully(bytes);
          if (f.terms.add(new BytesRef(bytes)) != t) {
            throw new IOException("a field's terms are not each once, in number order");
          }
          int m = in.readInt();
          int[] p = new int[Math.max(2, m)];
          for (int k = 0; k < m; k++) {
            p[k] = in.readInt();
            if (p[k] < 0 || p[k] >= n * passes) {
              throw new IOException("a term names a slot the table does not have");
            }
          }
          f.postings[t] = p;
          f.sizes[t] = m;
        }
      }
      return new HashSet<>(slots.keySet());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Candidates skipped because their form could not be made (a search refused when parsed). */
  long refused() {
    return refused.sum();
  }

  /** Records that the batch holds term {@code t} of field {@code f}; returns the candidates. */
  private int hit(Field f, BytesRef t, Scratch s, int gen, int n) {
    int id = f.terms.find(t);
    if (id < 0) {
      return n;
    }
    int[] p = f.postings[id];
    int size = f.sizes[id];
    // one int a slot: the batch's number above, the passes found below (one cache line touched
    // per entry; the batch's number, the passes and the removed test were three arrays)
    int[] marks = s.marks;
    int base = gen << 8;
    for (int i = 0; i < size; i++) {
      int entry = p[i];
      int slot = entry / passes;
      int bit = 1 << (entry - slot * passes);
      int m = marks[slot];
      if ((m & ~0xFF) != base) {
        m = base;
      }
      if ((m & bit) == 0) {
        m |= bit;
        marks[slot] = m;
        if ((m & 0xFF) == full) {
          n = s.add(n, slot);
        }
      }
    }
    return n;
  }

  /** Where the code point after the one starting at {@code at} starts (UTF-8 lead bytes). */
  private static int nextPoint(BytesRef t, int at) {
    int i = at + 1;
    while (i < t.length && (t.bytes[t.offset + i] & 0xC0) == 0x80) {
      i++;
    }
    return i;
  }

  private static boolean endsWithMark(BytesRef term) {
    if (term.length < MARK.length) {
      return false;
    }
    return Arrays.equals(
        term.bytes,
        term.offset + term.length - MARK.length,
        term.offset + term.length,
        MARK,
        0,
        MARK.length);
  }

  /**
   * The keys of the query document lucene-monitor's presearcher made for one alert: its fields
   * {@code field_pass} hold the pass's terms (beside each, the plain {@code field} with the same
   * terms, which is not read here), as {@link QueryTerms}.
   */
  static Keys keysOf(org.apache.lucene.document.Document doc) {
    Set<String> names = new HashSet<>();
    for (org.apache.lucene.index.IndexableField f : doc.getFields()) {
      names.add(f.name());
    }
    List<Map<String, List<BytesRef>>> passes = new ArrayList<>();
    boolean any = false;
    for (org.apache.lucene.index.IndexableField f : doc.getFields()) {
      int pass = passOf(f.name(), names);
      if (pass < 0
          || !(f instanceof org.apache.lucene.document.Field field)
          || !(field.tokenStreamValue() instanceof QueryTerms terms)) {
        continue;
      }
      String base = f.name().substring(0, f.name().lastIndexOf('_'));
      if (base.equals(ANY_FIELD)) {
        any = true;
        continue;
      }
      while (passes.size() <= pass) {
        passes.add(new HashMap<>());
      }
      passes.get(pass).computeIfAbsent(base, k -> new ArrayList<>()).addAll(terms.terms());
    }
    return new Keys(passes, any);
  }

  /** The pass of a field named {@code base_pass} when {@code base} is a field too; else -1. */
  private static int passOf(String name, Set<String> names) {
    int cut = name.lastIndexOf('_');
    if (cut <= 0 || cut == name.length() - 1) {
      return -1;
    }
    if (name.length() - cut - 1 > 2) {
      return -1; // a pass is one digit (at most 8 passes): no number to parse
    }
    int pass = 0;
    for (int i = cut + 1; i < name.length(); i++) { // by hand: a field such as "title_en" made
      char c = name.charAt(i); // a thrown NumberFormatException per query registered
      if (c < '0' || c > '9') {
        return -1;
      }
      pass = pass * 10 + (c - '0');
    }
    return names.contains(name.substring(0, cut)) ? pass : -1;
  }

  /**
   * Puts the alerts saved in a query index lucene-monitor wrote (its folder, at a restart) that
   * {@code wanted} gives a query for (their forms made at first need), with the keys read from the
   * index: each pass's field, each term's documents, each document's id. Returns the ids put.
   */
  Set<String> putSaved(DirectoryReader reader, java.util.function.Function<String, Query> wanted)
      throws IOException {
    Set<String> put = new HashSet<>();
    lock.writeLock().lock();
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        int[] slotOf = new int[r.maxDoc()];
        Arrays.fill(slotOf, -1);
        SortedDocValues ids = r.getSortedDocValues(ID_FIELD);
        if (ids == null) {
          if (r.numDocs() > 0) {
            throw new IOException("the query index has no " + ID_FIELD + " values");
          }
          continue;
        }
        Bits live = r.getLiveDocs();
        for (int d = ids.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ids.nextDoc()) {
          if (live == null || live.get(d)) {
            String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
            Query q = wanted.apply(id);
            if (q != null) {
              slotOf[d] = slotFor(id, q, null);
              put.add(id);
            }
          }
        }
        Set<String> names = new HashSet<>();
        for (FieldInfo info : r.getFieldInfos()) {
          names.add(info.name);
        }
        PostingsEnum docs = null;
        for (FieldInfo info : r.getFieldInfos()) {
          int pass = passOf(info.name, names);
          Terms terms = pass < 0 || pass >= passes ? null : r.terms(info.name);
          if (terms == null) {
            continue;
          }
          String base = info.name.substring(0, info.name.lastIndexOf('_'));
          boolean anyField = base.equals(ANY_FIELD);
          Field f = anyField ? null : fields.computeIfAbsent(base, k -> new Field());
          TermsEnum te = terms.iterator();
          for (BytesRef t = te.next(); t != null; t = te.next()) {
            int id = -1; // the term's number in the table: looked up once, for all its alerts
            docs = te.postings(docs, PostingsEnum.NONE);
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
              int slot = slotOf[d];
              if (slot < 0) {
                continue;
              }
              if (anyField) {
                any.set(slot);
                continue;
              }
              if (id < 0) {
                id = f.id(t);
              }
              f.append(id, slot * passes + pass);
            }
          }
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    return put;
  }

  /**
   * One thread's marks: for each alert, the batch that last touched it and the passes it found in
   * that batch; and the batch's candidates so far. Reused from batch to batch (a new batch takes a
   * new number, nothing is cleared).
   */
  private static final class Scratch {
    private static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(Scratch::new);

    /** Per slot: the number of the batch that last touched it (above 8 bits), its passes found. */
    int[] marks = new int[0];

    int[] found = new int[64];
    private int current;
    private final BytesRef key = new BytesRef(new byte[64]);

    static Scratch forThisThread(int slots) {
      Scratch s = MINE.get();
      if (s.marks.length < slots) {
        int size = Math.max(slots, s.marks.length + s.marks.length / 2);
        s.marks = Arrays.copyOf(s.marks, size);
      }
      return s;
    }

    int newBatch() {
      current++;
      if (current >= 1 << 23) { // wrapped round (a mark keeps 23 bits): an old mark could match
        Arrays.fill(marks, 0);
        current = 1;
      }
      return current;
    }

    int add(int n, int slot) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n * 2);
      }
      found[n] = slot;
      return n + 1;
    }

    /** The first {@code cut} bytes of {@code t} followed by {@code mark}, in a reused buffer. */
    BytesRef key(BytesRef t, int cut, byte[] mark) {
      int length = cut + mark.length;
      if (key.bytes.length < length) {
        key.bytes = new byte[length * 2];
      }
      System.arraycopy(t.bytes, t.offset, key.bytes, 0, cut);
      System.arraycopy(mark, 0, key.bytes, cut, mark.length);
      key.offset = 0;
      key.length = length;
      return key;
    }
  }
}
