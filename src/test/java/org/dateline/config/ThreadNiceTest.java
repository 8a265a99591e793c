package org.dateline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The threads named are at the nice value asked for, by the operating system's count; others not.
 */
class ThreadNiceTest {

  @Test
  void setsTheNamedThreadsOnly() throws Exception {
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"));
    CountDownLatch end = new CountDownLatch(1);
    List<Thread> threads = List.of(waiting("nice-test-a", end), waiting("nice-test-b", end));
    Thread other = waiting("other-test", end);
    List<Integer> before = ThreadNice.of("other-test");
    try {
      assertEquals(List.of(0, 0), ThreadNice.of("nice-test-"));
      assertEquals(2, ThreadNice.set("nice-test-", 7));
      assertEquals(List.of(7, 7), ThreadNice.of("nice-test-"));
      assertEquals(before, ThreadNice.of("other-test"));
      assertEquals(0, ThreadNice.set("no-such-thread", 7));
    } finally {
      end.countDown();
      for (Thread t : threads) {
        t.join();
      }
      other.join();
    }
  }

  private static Thread waiting(String name, CountDownLatch end) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              started.countDown();
              try {
                end.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    t.start();
    started.await();
    return t;
  }
}
