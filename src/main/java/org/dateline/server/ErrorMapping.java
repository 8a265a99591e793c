package org.dateline.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.search.IndexSearcher;
import org.dateline.search.BadRequestException;
import org.dateline.search.LimitExceededException;
import org.dateline.search.QuerySyntaxException;
import org.dateline.search.SearchTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure of a request, once, to a JSON {@link ErrorBody}: client mistakes to 4xx that
 * say what to change, a method a route does not have to 405 with {@code Allow}, and anything else
 * (including {@link Error}s such as a stack overflow, which Javalin's exception handlers never see)
 * to a JSON 5xx whose details go to the server log, never to the client.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  /** An {@link Error} thrown by a handler, carried as an exception so that it is mapped here. */
  static final class HandlerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerError(Error cause) {
      super(cause.toString(), cause, false, false);
    }
  }

  static void install(JavalinConfig cfg) {
    cfg.http.prefer405over404 = true;
    cfg.router.handlerWrapper(endpoint -> guarded(endpoint.handler));
    // Last resort for an Error thrown outside a handler (the wrapper catches those inside).
    cfg.router.javaLangErrorHandler(
        (response, error) -> {
          LOG.error("error outside a handler", error);
          try {
            response.setStatus(500);
            response.setContentType("application/json");
            response
                .getOutputStream()
                .write(
                    ApiServer.jsonMapper()
                        .writeValueAsString(
                            new ErrorBody(
                                "internal_error",
                                "the server failed on this request; see the server" + " log"))
                        .getBytes(StandardCharsets.UTF_8));
          } catch (IOException | IllegalStateException e) {
            LOG.warn("could not write the error response: {}", e.toString());
          }
        });
  }

  private static Handler guarded(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (Error e) {
        throw new HandlerError(e);
      }
    };
  }

  /** The exception and status handlers; after the routes, so that theirs come first. */
  static void mapErrors(JavalinConfig cfg) {
    var routes = cfg.routes;
    routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.code, e.getMessage()));
    routes.exception(
        LimitExceededException.class,
        (e, ctx) ->
            ctx.status(HttpStatus.BAD_REQUEST)
                .json(new LimitErrorBody("limit_exceeded", e.getMessage(), e.setting(), e.flag())));
    // Past its time limit a search is refused as "busy" (503, try again), not blamed on the query.
    routes.exception(
        SearchTimeoutException.class,
        (e, ctx) ->
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "2")
                .json(new LimitErrorBody("busy", e.getMessage(), e.setting(), e.flag())));
    routes.exception(
        QuerySyntaxException.class,
        (e, ctx) ->
            ctx.status(HttpStatus.BAD_REQUEST)
                .json(
                    new QueryErrorBody(
                        "bad_request", e.getMessage(), e.position(), e.suggestion())));
    routes.exception(
        BadRequestException.class,
        (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage()));
    routes.exception(
        IndexSearcher.TooManyClauses.class,
        (e, ctx) ->
            ctx.status(HttpStatus.BAD_REQUEST)
                .json(
                    new LimitErrorBody(
                        "limit_exceeded",
                        "the query expands to more than "
                            + IndexSearcher.getMaxClauseCount()
                            + " words: make its wildcards more specific",
                        "max_query_terms",
                        "--max-query-terms")));
    routes.exception(
        IOException.class,
        whileAnswerable(
            (e, ctx) -> {
              LOG.error("I/O error serving {}: {}", ctx.path(), e.toString());
              error(
                  ctx,
                  HttpStatus.INTERNAL_SERVER_ERROR,
                  "index_unavailable",
                  "the index could not be read; see the server log");
            }));
    routes.exception(
        HandlerError.class, whileAnswerable((e, ctx) -> handlerError(ctx, e.getCause())));
    routes.exception(Exception.class, whileAnswerable(ErrorMapping::serverError));
    routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.path().startsWith("/api/")) {
            ctx.json(new ErrorBody("not_found", "no such endpoint or document: " + ctx.path()));
          }
        });
    routes.error(
        405,
        "*",
        ctx ->
            ctx.json(
                new ErrorBody(
                    "method_not_allowed",
                    ctx.method()
                        + " is not a method of "
                        + ctx.path()
                        + "; it allows "
                        + ctx.res().getHeader("Allow"))));
  }

  private static void handlerError(Context ctx, Throwable error) {
    if (error instanceof StackOverflowError) {
      // Every query bound sits below this; reaching it means a request nests in a way not yet
      // bounded, which the client can still fix by nesting less.
      LOG.warn("stack overflow serving {} (a bound is missing)", ctx.path());
      error(
          ctx,
          HttpStatus.BAD_REQUEST,
          "limit_exceeded",
          "the request nests too deeply to" + " process; use fewer nested parentheses");
    } else if (error instanceof OutOfMemoryError) {
      LOG.error("out of memory serving {}", ctx.path());
      error(
          ctx,
          HttpStatus.SERVICE_UNAVAILABLE,
          "overloaded",
          "the server ran out of memory on"
              + " this request; narrow the query or ask for fewer results, and try again");
    } else {
      serverError(error, ctx);
    }
  }

  private static void serverError(Throwable e, Context ctx) {
    LOG.error("error serving {}", ctx.path(), e);
    error(
        ctx,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal_error",
        "the server failed on this request; see the server log");
  }

  /**
   * {@code handler}, run only while the request can still be answered. After it was recycled (an
   * event stream whose client left, a server stopping) nobody is left to answer, and a handler that
   * throws would only hand its own error back to the catch-all handler, round and round.
   */
  private static <E extends Exception> ExceptionHandler<E> whileAnswerable(
      ExceptionHandler<E> handler) {
    return (e, ctx) -> {
      try {
        ctx.path();
      } catch (RuntimeException gone) {
        LOG.debug("error after the request ended", e);
        return;
      }
      try {
        handler.handle(e, ctx);
      } catch (RuntimeException gone) {
        LOG.debug("could not answer: the connection is gone", gone);
      }
    };
  }

  static void error(Context ctx, HttpStatus status, String code, String message) {
    ctx.status(status).json(new ErrorBody(code, message));
  }
}
