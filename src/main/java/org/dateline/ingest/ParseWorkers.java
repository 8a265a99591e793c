package org.dateline.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dateline.config.JvmCommand;

/**
 * A pool of persistent {@link ParseWorker} processes, each a JVM with its own small heap. A parse
 * that runs past the time limit has its worker killed by a watchdog; a parse that exhausts the
 * worker's heap ends that JVM; either way the file is reported (timed out, too large) and the next
 * file gets a fresh worker, while the indexing process itself is never at risk. Workers are started
 * on first use and reused, so a JVM start is paid once per worker, not once per file. Thread-safe:
 * each caller borrows a whole worker.
 */
public final class ParseWorkers implements Closeable {

  /** The exit code of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final List<String> command;
  private final Duration timeout;
  private final int heapMb;
  private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
  private final List<Worker> all = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dateline-parse-watchdog");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  /**
   * @param heapMb each worker's heap
   * @param timeout time limit of one parse
   */
  public ParseWorkers(
      int heapMb, Duration timeout, long maxFileBytes, int maxArticleChars, long maxFileTextChars) {
    this.heapMb = heapMb;
    this.timeout = timeout;
    this.command =
        JvmCommand.withHeap(heapMb + "m")
            .option(
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-Xss8m",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error")
            .running(
                ParseWorker.class.getName(),
                List.of(
                    Long.toString(maxFileBytes),
                    Integer.toString(maxArticleChars),
                    Long.toString(maxFileTextChars)));
  }

  /** Parses {@code file} in a worker; IOException only when no worker can be started at all. */
  public List<SourceDoc> parse(Path file) throws ParseException, IOException {
    Worker worker = idle.poll();
    if (worker == null) {
      worker = start();
    }
    ParseWorker.Reply reply;
    ScheduledFuture<?> dog =
        watchdog.schedule(worker::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      reply = worker.ask(file);
    } catch (IOException e) {
      throw worker.failure();
    } finally {
      dog.cancel(false);
    }
    if (worker.expired) {
      throw worker.failure(); // the answer came just as the watchdog fired: the worker is gone
    }
    release(worker);
    if (reply.failureKind() != null) {
      throw reply.failure();
    }
    return reply.docs();
  }

  private Worker start() throws IOException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Worker worker = new Worker(process);
    synchronized (all) {
      all.add(worker);
    }
    ScheduledFuture<?> dog =
        watchdog.schedule(worker::expire, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      int hello = worker.from.readInt();
      if (hello != ParseWorker.READY) {
        throw new IOException("parse worker sent " + hello + " instead of its greeting");
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw new IOException(
          "cannot start a parse worker ("
              + command.get(0)
              + "): "
              + e.getMessage()
              + "; run with --isolation off to parse in process",
          e);
    } finally {
      dog.cancel(false);
    }
    return worker;
  }

  private void release(Worker worker) {
    if (closed) {
      worker.process.destroy();
    } else {
      idle.add(worker);
    }
  }

  /** Number of worker processes started so far (tests and the benchmark report it). */
  public int started() {
    synchronized (all) {
      return all.size();
    }
  }

  @Override
  public void close() {
    closed = true;
    watchdog.shutdownNow();
    synchronized (all) {
      for (Worker w : all) {
        try {
          w.to.close(); // end of input: the worker exits on its own
        } catch (IOException e) {
          // already gone
        }
        w.process.destroy();
      }
    }
  }

  /** One worker process and its pipes; used by one caller at a time. */
  private final class Worker {
    final Process process;
    final DataOutputStream to;
    final DataInputStream from;
    volatile boolean expired;

    Worker(Process process) {
      this.process = process;
      this.to = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
      this.from = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    ParseWorker.Reply ask(Path file) throws IOException {
      to.writeUTF(file.toString());
      to.flush();
      int length = from.readInt();
      byte[] body = from.readNBytes(length);
      if (body.length != length) {
        throw new IOException("reply cut short");
      }
      return json.readValue(body, ParseWorker.Reply.class);
    }

    void expire() {
      expired = true;
      process.destroyForcibly();
    }

    /** Why this worker failed to answer; it is dead (or killed now) and never reused. */
    ParseException failure() {
      process.destroyForcibly();
      int exit = exitCode();
      if (expired) {
        return new ParseException(
            FailureKind.TIMED_OUT,
            "parsing took longer than "
                + timeout.toSeconds()
                + " s (the parse time limit); its worker process was stopped");
      }
      if (exit == OUT_OF_MEMORY_EXIT) {
        return new ParseException(
            FailureKind.TOO_LARGE,
            "parsing needed more than the "
                + heapMb
                + " MB heap of a parse worker (the parse memory limit)");
      }
      return new ParseException(
          FailureKind.CORRUPT, "the parser crashed its worker process (exit code " + exit + ")");
    }

    private int exitCode() {
      try {
        return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
  }
}
