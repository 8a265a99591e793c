package org.dateline.server;

import io.javalin.Javalin;

/**
 * A started HTTP server: the port it listens on and how to stop it, so that callers outside this
 * package (the CLI) start and stop a server without knowing it is Javalin.
 */
public final class RunningServer implements AutoCloseable {

  private final Javalin app;

  private RunningServer(Javalin app) {
    this.app = app;
  }

  /** Starts the server {@link ApiServer#create} builds on {@code port} (0: any free port). */
  static RunningServer start(Javalin app, int port) {
    RunningServer running = new RunningServer(app.start(port));
    org.dateline.config.StartupTrace.mark("listening");
    return running;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Stops taking requests, lets running ones finish, and frees the port. */
  @Override
  public void close() {
    app.stop();
  }
}
