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

  /** Replays the complete lines of {@code bytes}; returns how many bytes they take. */
  private static long replay(byte[] bytes, Consumer<JournalEntry> replay) throws IOException {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
      if (!line.isBlank()) {
        try {
          replay.accept(JSON.readValue(line, JournalEntry.class));
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
      start = i + 1;
    }
    return start;
  }

  /** Appends {@code entries}, durable when this returns. */
  synchronized void append(List<JournalEntry> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (JournalEntry e : entries) {
      out.write(JSON.writeValueAsBytes(e));
      out.write('\n');
    }
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
