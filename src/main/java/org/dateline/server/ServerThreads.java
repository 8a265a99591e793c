package org.dateline.server;

import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Experiment of session 22 (docs/figures-s22-transport.md), not for main: the pool of Jetty threads
 * chosen by the system property {@code dateline.jetty.pool}, so that one build serves as the B of
 * bench/jetty-pool-ab.sh with each setting. "default" is Javalin's own pool (250 threads at most, 8
 * at least, Jetty's heuristic count of reserved threads).
 */
final class ServerThreads {

  private ServerThreads() {}

  /** The pool {@code dateline.jetty.pool} names. */
  static ThreadPool pool() {
    String kind = System.getProperty("dateline.jetty.pool", "default");
    QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
    pool.setName("JettyServerThreadPool");
    switch (kind) {
      case "reserved0" -> pool.setReservedThreads(0);
      case "reserved1" -> pool.setReservedThreads(1);
      case "reserved4" -> pool.setReservedThreads(4);
      case "virtual" -> {
        pool.setReservedThreads(0);
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
      }
      default -> {}
    }
    return pool;
  }
}
