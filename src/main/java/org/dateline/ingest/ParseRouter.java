package org.dateline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dateline.config.Config;
import org.dateline.config.Limits;

/**
 * Decides where each file is parsed, and bounds it there: with isolation on, every file Tika reads
 * and every file too large to trust to an in-process reader goes to a worker process ({@link
 * ParseWorkers}); the rest is parsed here, under the parse time limit, except plain text, whose
 * decoding is linear and stops at the text limit. Files that fail before parsing (empty, over the
 * size limit) stay here, where they fail at once. One router serves one ingest run.
 */
public final class ParseRouter implements Closeable {

  private final Config config;
  private final FileParser parser;

  /** Worker processes for the files that are parsed in isolation; null when isolation is off. */
  private final ParseWorkers workers;

  private final ExecutorService parsePool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dateline-parse");
            t.setDaemon(true);
            return t;
          });

  /** {@code parser}: shared across runs (building one loads Tika's parsers). */
  public ParseRouter(Config config, FileParser parser) {
    this.config = config;
    this.parser = parser;
    this.workers =
        config.limits().isolation() == Limits.Isolation.OFF
            ? null
            : new ParseWorkers(
                config.limits().parseHeapMb(),
                config.parseTimeout(),
                config.maxFileBytes(),
                config.maxArticleChars(),
                config.limits().maxFileTextChars());
  }

  /** The file parser of {@code config}'s limits; thread-safe, so one may serve many runs. */
  public static FileParser parser(Config config) {
    return new FileParser(
        config.maxFileBytes(), config.maxArticleChars(), config.limits().maxFileTextChars());
  }

  /** Parses {@code file} ({@code size} bytes) where its kind and size say it should be. */
  public List<SourceDoc> parse(Path file, long size) throws ParseException, IOException {
    Limits limits = config.limits();
    boolean checkable = workers != null && size > 0 && size <= config.maxFileBytes();
    if (checkable
        && (limits.isolation() == Limits.Isolation.ALL || size > limits.inProcessMaxBytes())) {
      return workers.parse(file);
    }
    // The file's route is detected once and handed on.
    FileParser.Route route = parser.route(file);
    if (checkable && route == FileParser.Route.TIKA) {
      return workers.parse(file);
    }
    if (route == FileParser.Route.PLAIN_TEXT) {
      return parser.parse(file, route);
    }
    return parseWithTimeout(file, route);
  }

  private List<SourceDoc> parseWithTimeout(Path file, FileParser.Route route)
      throws ParseException {
    Future<List<SourceDoc>> future = parsePool.submit(() -> parser.parse(file, route));
    try {
      return future.get(config.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ParseException(
          FailureKind.TIMED_OUT,
          "parsing took longer than " + config.parseTimeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParseException(FailureKind.TIMED_OUT, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ParseException pe) {
        throw pe;
      }
      if (e.getCause() instanceof OutOfMemoryError) {
        throw new ParseException(FailureKind.TOO_LARGE, "parsing ran out of memory");
      }
      Throwable c = e.getCause();
      throw new ParseException(
          FailureKind.CORRUPT,
          "parser error: " + c.getClass().getSimpleName() + ": " + c.getMessage(),
          c);
    }
  }

  @Override
  public void close() {
    parsePool.shutdownNow();
    if (workers != null) {
      workers.close();
    }
  }
}
