package org.dateline.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of a parse worker process (started by {@link ParseWorkers}): reads file paths from
 * its standard input, parses each with a {@link FileParser}, and answers each with one length-
 * prefixed JSON {@link Reply} on its standard output. Its heap is the memory bound of a parse: when
 * a file needs more, the JVM exits ({@code -XX:+ExitOnOutOfMemoryError}) and only this process
 * dies.
 */
public final class ParseWorker {

  /** Written once when the worker is ready, so start-up time never counts against a parse. */
  static final int READY = 0x44_4c_50_57;

  /** The answer for one file: its articles, or why there are none. */
  record Reply(String failureKind, String detail, List<SourceDoc> docs) {
    ParseException failure() {
      return new ParseException(FailureKind.valueOf(failureKind), detail);
    }
  }

  private ParseWorker() {}

  /** Arguments: max file bytes, max text chars per article, max text chars per file. */
  public static void main(String[] args) throws IOException {
    // Libraries that print to standard output must not corrupt the replies: they get stderr.
    DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    System.setOut(System.err);
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    FileParser parser =
        new FileParser(Long.parseLong(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    ObjectMapper json = new ObjectMapper();
    out.writeInt(READY);
    out.flush();
    while (true) {
      String path;
      try {
        path = in.readUTF();
      } catch (EOFException e) {
        return; // the indexer closed the pipe: the run is over
      }
      byte[] reply = json.writeValueAsBytes(parse(parser, Path.of(path)));
      out.writeInt(reply.length);
      out.write(reply);
      out.flush();
    }
  }

  private static Reply parse(FileParser parser, Path file) {
    try {
      return new Reply(null, null, parser.parse(file));
    } catch (ParseException e) {
      return new Reply(e.kind().name(), e.getMessage(), List.of());
    } catch (StackOverflowError e) {
      return new Reply(FailureKind.CORRUPT.name(), "nested too deeply to parse", List.of());
    } catch (RuntimeException | LinkageError e) {
      return new Reply(
          FailureKind.CORRUPT.name(),
          "parser error: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          List.of());
    }
  }
}
