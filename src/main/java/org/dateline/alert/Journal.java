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

  private Journal(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens the journal in {@code dir}, handing every entry it holds to {@code replay} in order. */
  static Journal open(Path dir, Consumer<JournalEntry> replay) throws IOException {
    return opened(
        dir, bytes -> lines(bytes, (from, to, n) -> replayChunk(bytes, from, to, n, replay)));
  }

  /** Where the journal's lines are: told at open, in order, for each line its alert and span. */
  interface Lines {
    void line(String alert, long start, int length);
  }

  /**
   * Opens the journal in {@code dir}, telling {@code lines} which alert each line it holds is of,
   * and where the line is ({@link #read} parses it later): an alert's history is read when it is
   * first asked for, so a restart reads one field a line instead of every entry (replaying all of
   * them was most of a restart with many alerts, issue 17).
   */
  static Journal openLines(Path dir, Lines lines) throws IOException {
    return opened(
        dir, bytes -> lines(bytes, (from, to, n) -> alertsOfChunk(bytes, from, to, n, lines)));
  }

  /** How the bytes of a journal are read at open; returns how many bytes its whole lines take. */
  private interface Reading {
    long read(byte[] bytes) throws IOException;
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
      long whole = existed ? reading.read(Files.readAllBytes(file)) : 0;
      channel.truncate(whole); // a torn last line goes; the next append starts a clean line
      channel.position(whole);
      if (!existed) {
        AtomicFile.forceFolder(dir);
      }
      return new Journal(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Lines read together: parsed on every core, then replayed in order. */
  private static final int CHUNK = 16_384;

  /**
   * Hands the complete lines of {@code bytes} to {@code chunk}, a chunk at a time (each chunk is
   * parsed on every core: reading the journal was most of a restart's time); returns how many bytes
   * they take.
   */
  private static long lines(byte[] bytes, Chunk chunk) throws IOException {
    int start = 0;
    int[] from = new int[CHUNK];
    int[] to = new int[CHUNK];
    int n = 0;
    for (int i = 0; i < bytes.length; i++) {
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
      if (e != null) {
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
    String[] alerts = onEveryCore(new String[n], k -> alertOf(bytes, from[k], to[k]));
    for (int k = 0; k < n; k++) {
      if (alerts[k] != null) {
        lines.line(alerts[k], from[k], to[k] - from[k]);
      }
    }
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
   * The entries on the lines at {@code starts} ({@code lengths} bytes each), in that order: lines
   * an opening by {@link #openLines} told of.
   */
  List<JournalEntry> read(long[] starts, int[] lengths, int n) throws IOException {
    List<JournalEntry> out = new java.util.ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      byte[] line = new byte[lengths[k]];
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, starts[k] + buffer.position()) < 0) {
          throw notAnEntry(starts[k], "the journal ends inside it", null);
        }
      }
      JournalEntry e = entry(line, 0, line.length, starts[k]);
      if (e == null) {
        throw notAnEntry(starts[k], "it is blank", null);
      }
      out.add(e);
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
  }

  /** Appends {@code entries}, durable when this returns. */
  synchronized void append(List<JournalEntry> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    LineBytes out = new LineBytes(entries.size() * LINE_BYTES);
    write(entries, out);
    ByteBuffer buffer = out.written();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  /**
   * Writes {@code entries} one a line, each as the JSON object Jackson would write for it (the
   * fields that are not null, an instant as decimal seconds), with a generator of its own: through
   * Jackson's bean serializer, each instant went to a {@code BigDecimal} and back to text, 45 % of
   * the journal's appends in issue 17's profile of the hook. {@link #READER} reads either.
   */
  static void write(List<JournalEntry> entries, java.io.OutputStream out) throws IOException {
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (JournalEntry e : entries) {
        g.writeStartObject();
        g.writeStringField("kind", e.kind().name());
        text(g, "alert", e.alert());
        g.writeNumberField("seq", e.seq());
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
        g.writeEndObject();
        g.writeRaw('\n');
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
