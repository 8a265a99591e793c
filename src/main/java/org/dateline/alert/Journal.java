package org.dateline.alert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.dateline.index.AtomicFile;

/**
 * The alerts' journal beside the index: one JSON line per match and per webhook outcome, appended
 * and forced to disk before anything is delivered, so that after a crash (even {@code kill -9})
 * every match is still there and what was delivered is known. Matches are journaled before the
 * index commits them; an article indexed again after a crash is matched again and recognised by its
 * key (alert, article). A line torn by a crash (the last one, without its newline) is cut off when
 * the journal is opened. Thread-safe: appends are serialised.
 */
final class Journal implements Closeable {

  /** The journal's file name in the index folder. */
  static final String FILE_NAME = "alerts-journal.jsonl";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final com.fasterxml.jackson.databind.ObjectReader READER =
      JSON.readerFor(JournalEntry.class);

  private final FileChannel channel;
  private final Path dir;

  /** CRC-32C of the journal's bytes so far (a checkpoint names the bytes it covers by theirs). */
  private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();

  /** How many of the journal's bytes the checkpoint on disk covers (0: none, or not read). */
  private long checkpointed;

  private Journal(FileChannel channel, Path dir) {
    this.channel = channel;
    this.dir = dir;
  }

  /** Opens the journal in {@code dir}, handing every entry it holds to {@code replay} in order. */
  static Journal open(Path dir, Consumer<JournalEntry> replay) throws IOException {
    return opened(
        dir,
        (bytes, journal) ->
            lines(bytes, 0, (from, to, n) -> replayChunk(bytes, from, to, n, replay)));
  }

  /**
   * Where the journal's lines are: told at open, in order, for each line its alert and span; for a
   * line of one article's matches by many alerts ({@link JournalEntry.Kind#MATCHES}), once for each
   * of its alerts, with that alert's event number {@code seq} and the span of the line's head (the
   * article's fields, without the alerts): what {@link #read} needs to make that alert's entry.
   */
  interface Lines {
    /**
     * Line (or head) at {@code start}, {@code length} bytes, of {@code alert}; {@code seq} its
     * event number in a line of many alerts, -1 for a line of its own.
     */
    void line(String alert, long start, int length, long seq);

    /**
     * Line (or head) of the {@code i}th alert of appended entry {@code k}, {@code e} ({@code i} -1:
     * a line of one alert): told by {@link #append} after the write; by default as {@link #line}.
     */
    default void appended(JournalEntry e, int k, int i, long start, int length, long seq) {
      line(i < 0 ? e.alert() : e.alerts().get(i), start, length, seq);
    }
  }

  /**
   * Opens the journal in {@code dir}, telling {@code lines} which alert each line it holds is of,
   * and where the line is ({@link #read} parses it later): an alert's history is read when it is
   * first asked for, so a restart reads one field a line instead of every entry (replaying all of
   * them was most of a restart with many alerts, issue 17).
   */
  static Journal openLines(Path dir, Lines lines) throws IOException {
    return opened(
        dir,
        (bytes, journal) ->
            lines(bytes, 0, (from, to, n) -> alertsOfChunk(bytes, from, to, n, lines)));
  }

  /**
   * {@link #openLines(Path, Lines)}, starting from the journal's checkpoint ({@link
   * JournalCheckpoint}) when it is whole and its bytes are the journal's first: the alerts' lines
   * it holds are taken as noted, and only the lines after it are read (noting every line of a long
   * journal was half of a restart with 100k alerts, issue 17). Without one, or with one that does
   * not fit the journal, every line is read, as {@link #openLines(Path, Lines)} does.
   */
  static Journal openLines(Path dir, UnreadLines lines) throws IOException {
    return opened(
        dir,
        (bytes, journal) -> {
          long from = JournalCheckpoint.read(dir, bytes, lines);
          journal.checkpointed = from;
          return lines(bytes, (int) from, (f, to, n) -> alertsOfChunk(bytes, f, to, n, lines));
        });
  }

  /** How many of the journal's bytes the checkpoint read at its opening covered (0: none). */
  long fromCheckpoint() {
    return checkpointed;
  }

  /**
   * Writes the checkpoint of the journal as it is now: {@code lines}, every alert's lines so far, a
   * restart takes as noted instead of reading them. Nothing is written when the checkpoint on disk
   * already covers every byte.
   */
  synchronized void checkpoint(UnreadLines lines) throws IOException {
    long size = channel.position();
    if (size == checkpointed) {
      return;
    }
    JournalCheckpoint.write(dir, size, crc.getValue(), lines);
    checkpointed = size;
  }

  /** How the bytes of a journal are read at open; returns how many bytes its whole lines take. */
  private interface Reading {
    long read(byte[] bytes, Journal journal) throws IOException;
  }

  /** What is done with a chunk of whole lines ({@code n} of them, from/to their byte spans). */
  private interface Chunk {
    void take(int[] from, int[] to, int n) throws IOException;
  }

  private static Journal opened(Path dir, Reading reading) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    boolean existed = Files.exists(file);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      Journal journal = new Journal(channel, dir);
      byte[] bytes = existed ? Files.readAllBytes(file) : new byte[0];
      long whole = existed ? reading.read(bytes, journal) : 0;
      channel.truncate(whole); // a torn last line goes; the next append starts a clean line
      channel.position(whole);
      journal.crc.update(bytes, 0, (int) whole);
      if (!existed) {
        AtomicFile.forceFolder(dir);
      }
      return journal;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Lines read together: parsed on every core, then replayed in order. */
  private static final int CHUNK = 16_384;

  /**
   * Hands the complete lines of {@code bytes} from {@code begin} to {@code chunk}, a chunk at a
   * time (each chunk is parsed on every core: reading the journal was most of a restart's time);
   * returns how many bytes they take.
   */
  private static long lines(byte[] bytes, int begin, Chunk chunk) throws IOException {
    int start = begin;
    int[] from = new int[CHUNK];
    int[] to = new int[CHUNK];
    int n = 0;
    for (int i = begin; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      from[n] = start;
      to[n] = i;
      n++;
      start = i + 1;
      if (n == CHUNK) {
        chunk.take(from, to, n);
        n = 0;
      }
    }
    chunk.take(from, to, n);
    return start;
  }

  private static void replayChunk(
      byte[] bytes, int[] from, int[] to, int n, Consumer<JournalEntry> replay) throws IOException {
    JournalEntry[] entries = onEveryCore(new JournalEntry[n], k -> entry(bytes, from[k], to[k]));
    for (JournalEntry e : entries) {
      if (e != null && e.kind() == JournalEntry.Kind.MATCHES) {
        for (int i = 0; i < e.alerts().size(); i++) {
          replay.accept(e.matchOf(i));
        }
      } else if (e != null) {
        replay.accept(e);
      }
    }
  }

  /** What reading line {@code k} of a chunk gives. */
  private interface LineRead<T> {
    T read(int k) throws IOException;
  }

  /** {@code out} filled with what {@code read} gives for each line, read on every core. */
  private static <T> T[] onEveryCore(T[] out, LineRead<T> read) throws IOException {
    IOException[] failed = new IOException[1];
    java.util.stream.IntStream.range(0, out.length)
        .parallel()
        .forEach(
            k -> {
              try {
                out[k] = read.read(k);
              } catch (IOException e) {
                synchronized (failed) {
                  failed[0] = failed[0] == null ? e : failed[0];
                }
              }
            });
    if (failed[0] != null) {
      throw failed[0];
    }
    return out;
  }

  /** The entry on the line from {@code start} to {@code end} (null: a blank line). */
  private static JournalEntry entry(byte[] bytes, int start, int end) throws IOException {
    return entry(bytes, start, end, start);
  }

  /** The entry on the line from {@code start} to {@code end}, at byte {@code at} of the file. */
  private static JournalEntry entry(byte[] bytes, int start, int end, long at) throws IOException {
    if (entryIsBlank(bytes, start, end)) {
      return null;
    }
    try {
      return READER.readValue(bytes, start, end - start);
    } catch (JacksonException e) {
      throw notAnEntry(at, e.getOriginalMessage(), e);
    }
  }

  private static boolean entryIsBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  /** Tells {@code lines} the alert of each of a chunk's lines (read on every core), in order. */
  private static void alertsOfChunk(byte[] bytes, int[] from, int[] to, int n, Lines lines)
      throws IOException {
    Object[] alerts = onEveryCore(new Object[n], k -> alertsOf(bytes, from[k], to[k]));
    for (int k = 0; k < n; k++) {
      if (alerts[k] instanceof String alert) {
        lines.line(alert, from[k], to[k] - from[k], -1);
      } else if (alerts[k] instanceof Many many) {
        for (int i = 0; i < many.alerts().size(); i++) {
          lines.line(many.alerts().get(i), from[k], many.head(), many.seqs()[i]);
        }
      }
    }
  }

  /** The alerts of a line of many, their event numbers, the length of the line's head. */
  private record Many(List<String> alerts, long[] seqs, int head) {}

  /** How a line of many alerts begins: its kind, the first field written. */
  private static final byte[] MANY = "{\"kind\":\"MATCHES\"".getBytes(StandardCharsets.UTF_8);

  /**
   * Where a line of many alerts' head ends: the alerts follow it. A quote inside a text is written
   * escaped, so these bytes are never inside one.
   */
  private static final byte[] HEAD_END = ",\"alerts\":".getBytes(StandardCharsets.UTF_8);

  /**
   * The alert of the line from {@code start} to {@code end} (a String), or its alerts (a {@link
   * Many}), or null for a blank line.
   */
  private static Object alertsOf(byte[] bytes, int start, int end) throws IOException {
    if (!startsWith(bytes, start, end, MANY)) {
      return alertOf(bytes, start, end);
    }
    JournalEntry e = entry(bytes, start, end);
    int head = indexOf(bytes, start, end, HEAD_END);
    if (e.alerts() == null
        || e.seqs() == null
        || e.alerts().size() != e.seqs().length
        || head < 0) {
      throw notAnEntry(start, "its alerts and their numbers do not pair up", null);
    }
    return new Many(e.alerts(), e.seqs(), head - start);
  }

  private static boolean startsWith(byte[] bytes, int start, int end, byte[] prefix) {
    if (end - start < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[start + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Where {@code what} first is in {@code bytes} from {@code start} to {@code end} (-1: not). */
  private static int indexOf(byte[] bytes, int start, int end, byte[] what) {
    for (int i = start; i + what.length <= end; i++) {
      if (startsWith(bytes, i, end, what)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The alert of the entry on the line from {@code start} to {@code end}, read without the rest of
   * the entry (null: a blank line).
   */
  private static String alertOf(byte[] bytes, int start, int end) throws IOException {
    if (entryIsBlank(bytes, start, end)) {
      return null;
    }
    try (com.fasterxml.jackson.core.JsonParser p =
        JSON.getFactory().createParser(bytes, start, end - start)) {
      if (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          boolean alert = "alert".equals(p.currentName());
          if (p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && alert) {
            return p.getText();
          }
          p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw notAnEntry(start, e.getOriginalMessage(), e);
    }
    throw notAnEntry(start, "it names no alert", null);
  }

  private static IOException notAnEntry(long start, String why, Exception cause) {
    return new IOException(
        "line of " + FILE_NAME + " at byte " + start + " is not a journal entry: " + why, cause);
  }

  /**
   * The entries of {@code alert} on the lines at {@code starts} ({@code lengths} bytes each), in
   * that order: lines an opening by {@link #openLines} told of; where {@code seqs[k]} is not -1,
   * line {@code k} is the head of a line of many alerts, and its entry is the match of {@code
   * alert}, event {@code seqs[k]}.
   */
  List<JournalEntry> read(String alert, long[] starts, int[] lengths, long[] seqs, int n)
      throws IOException {
    List<JournalEntry> out = new java.util.ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      boolean head = seqs[k] >= 0;
      byte[] line = new byte[lengths[k] + (head ? 1 : 0)];
      ByteBuffer buffer = ByteBuffer.wrap(line, 0, lengths[k]);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, starts[k] + buffer.position()) < 0) {
          throw notAnEntry(starts[k], "the journal ends inside it", null);
        }
      }
      if (head) {
        line[line.length - 1] = '}'; // the head alone is an entry without alerts
      }
      JournalEntry e = entry(line, 0, line.length, starts[k]);
      if (e == null) {
        throw notAnEntry(starts[k], "it is blank", null);
      }
      out.add(
          head
              ? JournalEntry.match(
                  alert, seqs[k], e.article(), e.story(), e.title(), e.outlet(), e.date(), e.time())
              : e);
    }
    return out;
  }

  /**
   * Room made for a journal line before it is written (a match's line, with its title, is a few
   * hundred).
   */
  private static final int LINE_BYTES = 384;

  /**
   * The bytes of the lines of one append, handed to the channel without a copy (growing a buffer
   * sized too small and copying it out were a tenth of the hook at 64 articles a call).
   */
  private static final class LineBytes extends ByteArrayOutputStream {
    LineBytes(int size) {
      super(size);
    }

    ByteBuffer written() {
      return ByteBuffer.wrap(buf, 0, count);
    }

    byte[] bytes() {
      return buf;
    }
  }

  /**
   * The bytes of the last append, kept for the next (under this journal's lock): a call of 64
   * articles with 100k alerts writes a few megabytes, and a new buffer grown to that size each time
   * was a run of the collector's largest allocations (issue 17's hook).
   */
  private LineBytes lastBytes;

  /** The most bytes kept between appends ({@link #lastBytes}). */
  private static final int KEEP_BYTES = 16 << 20;

  /** An empty buffer of at least {@code size} bytes: the last append's, when it is not too big. */
  private LineBytes lineBytes(int size) {
    LineBytes kept = lastBytes;
    if (kept == null || kept.bytes().length > KEEP_BYTES) {
      kept = new LineBytes(Math.max(size, 1024));
    }
    kept.reset();
    lastBytes = kept;
    return kept;
  }

  /** Appends {@code entries}, durable when this returns. */
  void append(List<JournalEntry> entries) throws IOException {
    append(entries, null);
  }

  /**
   * Appends {@code entries}, durable when this returns; then tells {@code written} (unless null)
   * where each alert's line is, as an opening by {@link #openLines} would.
   */
  synchronized void append(List<JournalEntry> entries, Lines written) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    LineBytes out = lineBytes(entries.size() * LINE_BYTES);
    int[] starts = new int[entries.size() + 1];
    int[] heads = new int[entries.size()];
    write(entries, out, starts, heads);
    long at = channel.position();
    ByteBuffer buffer = out.written();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
    crc.update(out.bytes(), 0, out.size());
    if (written == null) {
      return;
    }
    for (int k = 0; k < entries.size(); k++) {
      JournalEntry e = entries.get(k);
      long start = at + starts[k];
      if (e.kind() == JournalEntry.Kind.MATCHES) {
        for (int i = 0; i < e.alerts().size(); i++) {
          written.appended(e, k, i, start, heads[k], e.seqs()[i]);
        }
      } else {
        written.appended(e, k, -1, start, starts[k + 1] - 1 - starts[k], -1);
      }
    }
  }

  /**
   * Writes {@code entries} one a line, each as the JSON object Jackson would write for it (the
   * fields that are not null, an instant as decimal seconds), with a generator of its own: through
   * Jackson's bean serializer, each instant went to a {@code BigDecimal} and back to text, 45 % of
   * the journal's appends in issue 17's profile of the hook. {@link #READER} reads either.
   */
  static void write(List<JournalEntry> entries, java.io.OutputStream out) throws IOException {
    write(entries, out, null, null);
  }

  /**
   * {@link #write(List, java.io.OutputStream)} into {@code out}; with {@code starts} (one more than
   * the entries) and {@code heads}, where each line starts in {@code out} and, for a line of many
   * alerts, how long its head is (the bytes before its alerts), and at the end where the next
   * would.
   */
  private static void write(
      List<JournalEntry> entries, java.io.OutputStream out, int[] starts, int[] heads)
      throws IOException {
    boolean told = starts != null;
    ByteArrayOutputStream counted = told ? (ByteArrayOutputStream) out : null;
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (int k = 0; k < entries.size(); k++) {
        JournalEntry e = entries.get(k);
        if (told) {
          g.flush();
          starts[k] = counted.size();
        }
        g.writeStartObject();
        g.writeStringField("kind", e.kind().name());
        text(g, "alert", e.alert());
        if (e.kind() != JournalEntry.Kind.MATCHES) {
          g.writeNumberField("seq", e.seq());
        }
        text(g, "article", e.article());
        if (e.story() != null) {
          g.writeNumberField("story", e.story());
        }
        text(g, "title", e.title());
        text(g, "outlet", e.outlet());
        text(g, "date", e.date());
        instant(g, "time", e.time());
        text(g, "error", e.error());
        instant(g, "periodStart", e.periodStart());
        if (e.alerts() != null) { // last: a line's head is what comes before them
          if (told) {
            g.flush();
            heads[k] = counted.size() - starts[k];
          }
          g.writeFieldName("alerts");
          g.writeStartArray();
          if (e.alerts() instanceof AlertNumbers.Listed listed) {
            AlertNumbers.Bytes raw = g::writeRawUTF8String;
            for (int i = 0; i < listed.size(); i++) { // the ids' bytes as they are: no String
              if (!listed.names().plainBytes(listed.number(i), raw)) {
                g.writeString(listed.get(i));
              }
            }
          } else {
            for (String a : e.alerts()) {
              g.writeString(a);
            }
          }
          g.writeEndArray();
          g.writeFieldName("seqs");
          g.writeArray(e.seqs(), 0, e.seqs().length);
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
      if (told) {
        g.flush();
        starts[entries.size()] = counted.size();
      }
    }
  }

  private static void text(com.fasterxml.jackson.core.JsonGenerator g, String name, String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /** An instant as Jackson writes it by default: seconds since 1970, a point, nine digits. */
  private static void instant(
      com.fasterxml.jackson.core.JsonGenerator g, String name, java.time.Instant value)
      throws IOException {
    if (value == null) {
      return;
    }
    g.writeFieldName(name);
    long seconds = value.getEpochSecond();
    int nanos = value.getNano();
    if (seconds < 0) { // before 1970: never a match's time; left to Jackson's own arithmetic
      g.writeNumber(
          com.fasterxml.jackson.datatype.jsr310.DecimalUtils.toBigDecimal(seconds, nanos));
      return;
    }
    String fraction = Integer.toString(nanos);
    g.writeNumber(seconds + "." + "000000000".substring(fraction.length()) + fraction);
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
