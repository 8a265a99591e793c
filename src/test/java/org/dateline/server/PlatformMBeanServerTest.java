package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dateline.config.JvmCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server starts without the platform MBean server, which Jetty would start to ask whether
 * references are compressed (a third of a second and more before the port opens); each in a JVM of
 * its own, since Jetty asks once per JVM.
 */
class PlatformMBeanServerTest {

  @Test
  void aServerStartsWithoutThePlatformMBeanServer(@TempDir Path dir) throws Exception {
    assertEquals("mbean servers: 0", probe(dir));
  }

  @Test
  void jettyStartsItWhenNotToldTheReferencesPerCacheLine(@TempDir Path dir) throws Exception {
    // set but not a number: kept by the server, ignored by Jetty, which then asks the JVM
    assertEquals("mbean servers: 1", probe(dir, "-D" + ApiServer.REFERENCES_PER_CACHE_LINE + "="));
  }

  private static String probe(Path dir, String... options)
      throws IOException, InterruptedException {
    List<String> cmd =
        JvmCommand.withHeap("256m")
            .option(options)
            .running(PlatformMBeanProbe.class.getName(), List.of(dir.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.lines().filter(l -> l.startsWith("mbean servers: ")).findFirst().orElse(out);
  }
}
