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

  /** Writes entries one a line through one generator (a call per entry was a tenth of the hook). */
  private static final com.fasterxml.jackson.databind.ObjectWriter WRITER =
      JSON.writerFor(JournalEntry.class).withRootValueSeparator("\n");

  private final FileChannel channel;

  private Journal(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens the journal in {@code dir}, handing every entry it holds to {@code replay} in order. */
  static Journal open(Path dir, Consumer<JournalEntry> replay) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    boolean existed = Files.exists(file);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long whole = existed ? replay(Files.readAllBytes(file), replay) : 0;
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
   * Replays the complete lines of {@code bytes}; returns how many bytes they take. Lines are parsed
   * a chunk at a time on every core (reading the journal was most of a restart's time) and handed
   * to {@code replay} in their order.
   */
  private static long replay(byte[] bytes, Consumer<JournalEntry> replay) throws IOException {
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
        replayChunk(bytes, from, to, n, replay);
        n = 0;
      }
    }
    replayChunk(bytes, from, to, n, replay);
    return start;
  }

  private static void replayChunk(
      byte[] bytes, int[] from, int[] to, int n, Consumer<JournalEntry> replay) throws IOException {
    JournalEntry[] entries = new JournalEntry[n];
    IOException[] failed = new IOException[1];
    java.util.stream.IntStream.range(0, n)
        .parallel()
        .forEach(
            k -> {
              try {
                entries[k] = entry(bytes, from[k], to[k]);
              } catch (IOException e) {
                synchronized (failed) {
                  failed[0] = failed[0] == null ? e : failed[0];
                }
              }
            });
    if (failed[0] != null) {
      throw failed[0];
    }
    for (JournalEntry e : entries) {
      if (e != null) {
        replay.accept(e);
      }
    }
  }

  /** The entry on the line from {@code start} to {@code end} (null: a blank line). */
  private static JournalEntry entry(byte[] bytes, int start, int end) throws IOException {
    boolean blank = true;
    for (int i = start; i < end && blank; i++) {
      blank = Character.isWhitespace(bytes[i]);
    }
    if (blank) {
      return null;
    }
    try {
      return READER.readValue(bytes, start, end - start);
    } catch (JacksonException e) {
      throw new IOException(
          "line of "
              + FILE_NAME
              + " at byte "
              + start
              + " is not a journal entry: "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** Appends {@code entries}, durable when this returns. */
  synchronized void append(List<JournalEntry> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 160);
    try (com.fasterxml.jackson.databind.SequenceWriter lines = WRITER.writeValues(out)) {
      lines.writeAll(entries);
    }
    out.write('\n');
    ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
