package org.dateline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class JvmCommandTest {

  private static final String FLAGS = "-XX:AOTCache=target/dateline.aot -Xlog:aot=off";

  @Test
  void childrenGetTheLaunchersStartupCacheAndPassItOn() {
    String before = System.getProperty(JvmCommand.CACHE_PROPERTY);
    System.setProperty(JvmCommand.CACHE_PROPERTY, " " + FLAGS + " ");
    try {
      List<String> cmd = JvmCommand.withHeap("1g").running("Main", List.of("a"));
      int at = cmd.indexOf("-XX:AOTCache=target/dateline.aot");
      assertTrue(at > 0, cmd.toString());
      assertEquals("-Xlog:aot=off", cmd.get(at + 1));
      assertEquals("-D" + JvmCommand.CACHE_PROPERTY + "=" + FLAGS, cmd.get(at + 2));
      assertEquals(List.of("Main", "a"), cmd.subList(cmd.size() - 2, cmd.size()));

      List<String> without =
          JvmCommand.withHeap("1g").withoutStartupCache().running("Main", List.of("a"));
      assertFalse(
          without.stream().anyMatch(o -> o.contains("AOT") || o.contains("aot")),
          without.toString());
    } finally {
      if (before == null) {
        System.clearProperty(JvmCommand.CACHE_PROPERTY);
      } else {
        System.setProperty(JvmCommand.CACHE_PROPERTY, before);
      }
    }
  }

  @Test
  void noCacheNoFlags() {
    String before = System.getProperty(JvmCommand.CACHE_PROPERTY);
    System.clearProperty(JvmCommand.CACHE_PROPERTY);
    try {
      List<String> cmd = JvmCommand.withHeap(null).running("Main", List.of());
      assertFalse(cmd.stream().anyMatch(o -> o.contains("AOT")), cmd.toString());
      assertEquals("Main", cmd.getLast());
    } finally {
      if (before != null) {
        System.setProperty(JvmCommand.CACHE_PROPERTY, before);
      }
    }
  }
}
