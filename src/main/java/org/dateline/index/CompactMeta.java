package org.dateline.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.enrich.PubDate;
import org.dateline.enrich.entities.EntityType;
import org.dateline.enrich.entities.Mention;

/**
 * An article's metadata as the index stores it since schema 10 ({@link Schema#META}, issue 20):
 * bytes read straight into the {@link Article}, without the JSON tree {@link StoredMeta} parses and
 * binds (8.8 % of search CPU in session 11's profile). Same content and the same omissions as
 * schema 8's JSON: no text, no id, mentions as offsets into the body, the entities only where the
 * mentions do not give them, the recogniser's mentions only where they differ.
 *
 * <p>Layout: a format byte, flags, then the fields in a fixed order. Numbers are Lucene variable
 * length ints ({@code vInt}, zig-zag where they can be negative). Strings go through a table per
 * article ({@link Strings}): a repeated string (a canonical name, a provenance value) is written
 * once and referred to by number afterwards; a lowercase hexadecimal string (the content hash) is
 * written as its bytes, half its length. Mention starts are written as the distance from the
 * previous one. Thread-safe (no state).
 */
final class CompactMeta {

  /** The first byte of every value this class writes (a later layout takes another). */
  static final byte FORMAT = 1;

  private static final int HAS_DATE = 1;
  private static final int ENTITIES_STATED = 2;
  private static final int RECOGNISED_STATED = 4;

  /** A date's stated parts: its offset, and the day printed apart from it (since session 21). */
  private static final int DATE_OFFSET = 1;

  private static final int DATE_DAY = 2;

  /** A mention's canonical name: none, the very text mentioned, or a string of its own. */
  private static final int CANONICAL_NONE = 0;

  private static final int CANONICAL_SAME = 1;
  private static final int CANONICAL_STATED = 2;

  /** A mention's text: the body's characters at its offsets, none, or a string of its own. */
  private static final int TEXT_IN_BODY = 0;

  private static final int TEXT_NONE = 1;
  private static final int TEXT_STATED = 2;

  private static final EntityType[] TYPES = EntityType.values();
  private static final PubDate.Precision[] PRECISIONS = PubDate.Precision.values();

  private CompactMeta() {}

  /** {@code article}'s metadata in stored form (its text and id left out). */
  static byte[] write(Article article) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      writeTo(out, article);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: the output is in memory", e);
    }
    return out.toArrayCopy();
  }

  private static void writeTo(ByteBuffersDataOutput out, Article a) throws IOException {
    boolean entitiesStated = !a.entities().equals(Article.namesOf(a.mentions()));
    boolean recognisedStated = !a.recognised().equals(a.mentions());
    out.writeByte(FORMAT);
    out.writeVInt(
        (a.date() != null ? HAS_DATE : 0)
            | (entitiesStated ? ENTITIES_STATED : 0)
            | (recognisedStated ? RECOGNISED_STATED : 0));
    Strings.Writer s = new Strings.Writer(out);
    s.write(a.path());
    s.write(a.itemKey());
    s.write(a.url());
    s.write(a.title());
    s.write(a.outlet());
    s.write(a.language());
    s.write(a.contentType());
    s.write(a.contentHash());
    s.writeList(a.authors());
    s.writeList(a.agencies());
    out.writeVInt(a.provenance().size());
    for (Map.Entry<String, String> e : a.provenance().entrySet()) {
      s.write(e.getKey());
      s.write(e.getValue());
    }
    if (a.date() != null) {
      writeDate(out, s, a.date());
    }
    if (entitiesStated) {
      out.writeVInt(a.entities().size());
      for (Map.Entry<String, List<String>> e : a.entities().entrySet()) {
        s.write(e.getKey());
        s.writeList(e.getValue());
      }
    }
    String body = a.text();
    writeMentions(out, s, a.mentions(), body);
    if (recognisedStated) {
      writeRecognised(out, s, a.recognised(), a.mentions(), body);
    }
  }

  private static void writeDate(ByteBuffersDataOutput out, Strings.Writer s, PubDate date)
      throws IOException {
    out.writeZLong(date.instant().getEpochSecond());
    out.writeVInt(date.instant().getNano());
    out.writeVInt(date.precision() == null ? 0 : date.precision().ordinal() + 1);
    s.write(date.source());
    // a bit for a stated offset, one for a printed day (written as its distance from the UTC day)
    int stated =
        (date.offsetMinutes() == null ? 0 : DATE_OFFSET)
            | (date.printedDay() == null ? 0 : DATE_DAY);
    out.writeByte((byte) stated);
    if (date.offsetMinutes() != null) {
      out.writeZInt(date.offsetMinutes());
    }
    if (date.printedDay() != null) {
      out.writeZLong(date.printedDay().toEpochDay() - utcDay(date.instant()));
    }
  }

  private static long utcDay(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), 86_400L);
  }

  private static void writeMentions(
      ByteBuffersDataOutput out, Strings.Writer s, List<Mention> mentions, String body)
      throws IOException {
    out.writeVInt(mentions.size());
    int previous = 0;
    for (Mention m : mentions) {
      writeMention(out, s, m, previous, body);
      previous = m.start();
    }
  }

  /**
   * The recognised mentions: each one that is a mention without its canonical name as that
   * mention's number plus one, any other as 0 and the mention itself.
   */
  private static void writeRecognised(
      ByteBuffersDataOutput out,
      Strings.Writer s,
      List<Mention> recognised,
      List<Mention> mentions,
      String body)
      throws IOException {
    Map<Mention, Integer> index = new HashMap<>();
    for (int i = mentions.size() - 1; i >= 0; i--) {
      Mention m = mentions.get(i);
      index.put(new Mention(m.text(), m.type(), m.start(), m.end(), null), i);
    }
    out.writeVInt(recognised.size());
    int previous = 0;
    for (Mention r : recognised) {
      Integer i = r.canonical() == null ? index.get(r) : null;
      if (i != null) {
        out.writeVInt(i + 1);
      } else {
        out.writeVInt(0);
        writeMention(out, s, r, previous, body);
        previous = r.start();
      }
    }
  }

  private static void writeMention(
      ByteBuffersDataOutput out, Strings.Writer s, Mention m, int previousStart, String body)
      throws IOException {
    String text = m.text();
    int textForm =
        text == null ? TEXT_NONE : text.equals(slice(body, m)) ? TEXT_IN_BODY : TEXT_STATED;
    String canonical = m.canonical();
    int canonicalForm =
        canonical == null
            ? CANONICAL_NONE
            : canonical.equals(text) ? CANONICAL_SAME : CANONICAL_STATED;
    int type = m.type() == null ? 0 : m.type().ordinal() + 1;
    out.writeByte((byte) (type | canonicalForm << 2 | textForm << 4));
    out.writeZInt(m.start() - previousStart);
    out.writeZInt(m.end() - m.start());
    if (canonicalForm == CANONICAL_STATED) {
      s.write(canonical);
    }
    if (textForm == TEXT_STATED) {
      s.write(text);
    }
  }

  /** The article {@link #write} stored in {@code stored}, with {@code body} and {@code id}. */
  static Article read(BytesRef stored, String body, String id) {
    ByteArrayDataInput in = new ByteArrayDataInput(stored.bytes, stored.offset, stored.length);
    byte format = in.readByte();
    if (format != FORMAT) {
      throw new IllegalStateException("stored article metadata of unknown form " + format);
    }
    int flags = in.readVInt();
    Strings.Reader s = new Strings.Reader(stored.bytes, in);
    String path = s.read();
    String itemKey = s.read();
    String url = s.read();
    String title = s.read();
    String outlet = s.read();
    String language = s.read();
    String contentType = s.read();
    String contentHash = s.read();
    List<String> authors = s.readList();
    List<String> agencies = s.readList();
    int provenanceSize = in.readVInt();
    Map<String, String> provenance = new HashMap<>();
    for (int i = 0; i < provenanceSize; i++) {
      provenance.put(s.read(), s.read());
    }
    PubDate date = (flags & HAS_DATE) != 0 ? readDate(in, s) : null;
    Map<String, List<String>> entities = null;
    if ((flags & ENTITIES_STATED) != 0) {
      int types = in.readVInt();
      entities = new LinkedHashMap<>();
      for (int i = 0; i < types; i++) {
        entities.put(s.read(), s.readList());
      }
    }
    List<Mention> mentions = readMentions(in, s, body, null);
    List<Mention> recognised =
        (flags & RECOGNISED_STATED) != 0 ? readMentions(in, s, body, mentions) : null;
    return new Article(
        id,
        path,
        itemKey,
        url,
        title,
        body,
        date,
        outlet,
        authors,
        agencies,
        language,
        contentType,
        contentHash,
        provenance,
        entities != null ? entities : Article.namesOf(mentions),
        mentions,
        recognised);
  }

  private static PubDate readDate(ByteArrayDataInput in, Strings.Reader s) {
    long seconds = BitUtil.zigZagDecode(in.readVLong());
    int nanos = in.readVInt();
    int precision = in.readVInt();
    String source = s.read();
    int stated = in.readByte();
    Integer offset = (stated & DATE_OFFSET) == 0 ? null : BitUtil.zigZagDecode(in.readVInt());
    Instant instant = Instant.ofEpochSecond(seconds, nanos);
    LocalDate day =
        (stated & DATE_DAY) == 0
            ? null
            : LocalDate.ofEpochDay(utcDay(instant) + BitUtil.zigZagDecode(in.readVLong()));
    return new PubDate(
        instant, precision == 0 ? null : PRECISIONS[precision - 1], source, offset, day);
  }

  /**
   * A mention list; with {@code mentions} (the recognised list), each entry is first a number: 0
   * for a mention written out, else one more than the number of the mention it repeats unresolved.
   */
  private static List<Mention> readMentions(
      ByteArrayDataInput in, Strings.Reader s, String body, List<Mention> mentions) {
    int n = in.readVInt();
    List<Mention> out = new ArrayList<>(n);
    int previous = 0;
    for (int i = 0; i < n; i++) {
      int ref = mentions == null ? 0 : in.readVInt();
      if (ref > 0) {
        Mention m = mentions.get(ref - 1);
        out.add(new Mention(m.text(), m.type(), m.start(), m.end(), null));
        continue;
      }
      Mention m = readMention(in, s, previous, body);
      previous = m.start();
      out.add(m);
    }
    return out;
  }

  private static Mention readMention(
      ByteArrayDataInput in, Strings.Reader s, int previousStart, String body) {
    int forms = in.readByte();
    int type = forms & 3;
    int canonicalForm = (forms >>> 2) & 3;
    int textForm = (forms >>> 4) & 3;
    int start = previousStart + BitUtil.zigZagDecode(in.readVInt());
    int end = start + BitUtil.zigZagDecode(in.readVInt());
    String canonical = canonicalForm == CANONICAL_STATED ? s.read() : null;
    String text =
        switch (textForm) {
          case TEXT_IN_BODY -> slice(body, start, end);
          case TEXT_STATED -> s.read();
          default -> null;
        };
    if (canonicalForm == CANONICAL_SAME) {
      canonical = text;
    }
    return new Mention(text, type == 0 ? null : TYPES[type - 1], start, end, canonical);
  }

  private static String slice(String body, Mention m) {
    return slice(body, m.start(), m.end());
  }

  /** The body's characters at a mention's offsets, or null where they are not all in it. */
  private static String slice(String body, int start, int end) {
    return body == null || start < 0 || end < start || end > body.length()
        ? null
        : body.substring(start, end);
  }
}
