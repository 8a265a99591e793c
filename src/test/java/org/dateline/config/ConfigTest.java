package org.dateline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dateline.config.AccessConfig.ReadAccess;
import org.dateline.config.Limits.Isolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The settings records: their defaults are the named constants, each copy changes only what it
 * names, and a bad value fails at construction with a message that says what is wrong. (Which of
 * flag, environment variable and default wins is the command line's job: {@code
 * cli/CommandLineConfigTest}.)
 */
class ConfigTest {

  private static void fails(String message, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertEquals(message, e.getMessage());
  }

  @Test
  void defaultsAreTheNamedConstants() {
    Config c = Config.defaults();
    assertEquals(Path.of("index"), c.indexDir());
    assertEquals(Path.of("web"), c.webDir());
    assertEquals(Path.of("seeds"), c.seedsDir());
    assertEquals(7070, c.port());
    assertEquals(Runtime.getRuntime().availableProcessors(), c.ingestThreads());
    assertEquals(512L * 1024 * 1024, c.maxFileBytes());
    assertEquals(Duration.ofSeconds(60), c.parseTimeout());
    assertEquals(5_000_000, c.maxArticleChars());
    assertEquals(10_000, c.commitEveryFiles());
    assertEquals(250, c.refreshMs());
    assertTrue(c.entities());
    assertEquals(WatchConfig.OFF, c.watch());
    assertFalse(c.watch().enabled());
    assertEquals(new AccessConfig(List.of(), List.of(), null, ReadAccess.LOCAL), c.access());
    assertEquals(
        new Limits(
            Isolation.TIKA,
            512,
            32L * 1024 * 1024,
            64_000_000,
            1024,
            5_000,
            10_000,
            64L * 1024 * 1024,
            32,
            1_000,
            10_000,
            200_000,
            30_000,
            300_000),
        c.limits());
  }

  @Test
  void eachCopyChangesOnlyWhatItNames() {
    Config d = Config.defaults();
    Config c =
        d.withPort(8181)
            .withIndexDir(Path.of("/data/idx"))
            .withRefreshMs(1000)
            .withEntities(false)
            .withCommitEveryFiles(50)
            .withLimits(1024, Duration.ofSeconds(5));
    assertEquals(
        new Config(
            Path.of("/data/idx"),
            d.webDir(),
            d.seedsDir(),
            8181,
            d.ingestThreads(),
            1024,
            Duration.ofSeconds(5),
            d.maxArticleChars(),
            50,
            d.access(),
            d.limits(),
            false,
            1000,
            d.watch()),
        c);
    assertEquals(Config.defaults(), d, "the original is unchanged");
  }

  @Test
  void uploadsSitBesideTheIndexNamedAfterIt() {
    assertEquals(
        Path.of("/data/idx-uploads"),
        Config.defaults().withIndexDir(Path.of("/data/idx/")).uploadsDir());
    assertEquals(Path.of("index-uploads").toAbsolutePath(), Config.defaults().uploadsDir());
  }

  @Test
  void badSettingsFailAtConstructionSayingWhatIsWrong() {
    Config d = Config.defaults();
    fails("port must be 0..65535, got 65536", () -> d.withPort(65_536));
    fails("port must be 0..65535, got -1", () -> d.withPort(-1));
    fails("ingest threads must be at least 1, got 0", () -> d.withIngestThreads(0));
    fails("max file size must be positive, got 0", () -> d.withLimits(0, Duration.ofSeconds(1)));
    fails("parse timeout must be positive, got PT0S", () -> d.withLimits(1, Duration.ZERO));
    fails(
        "parse timeout must be positive, got PT-1S", () -> d.withLimits(1, Duration.ofSeconds(-1)));
    fails("refresh interval must be 10..600000 ms, got 9", () -> d.withRefreshMs(9));
    fails("refresh interval must be 10..600000 ms, got 600001", () -> d.withRefreshMs(600_001));
    assertEquals(10, d.withRefreshMs(10).refreshMs());
    assertEquals(600_000, d.withRefreshMs(600_000).refreshMs());
    NullPointerException e = assertThrows(NullPointerException.class, () -> d.withIndexDir(null));
    assertEquals("indexDir", e.getMessage());
  }

  @Test
  void everyLimitMustBePositive() {
    Limits l = Limits.defaults();
    fails("parse heap (MB) limit must be positive, got 0", () -> l.withIsolation(Isolation.ALL, 0));
    fails("query terms limit must be positive, got 0", () -> l.withSearch(0, 1, 1, 1));
    fails("search timeout (ms) limit must be positive, got -5", () -> l.withSearch(1, -5, 1, 1));
    fails("query length limit must be positive, got 0", () -> l.withSearch(1, 1, 0, 1));
    fails("request size limit must be positive, got 0", () -> l.withSearch(1, 1, 1, 0));
    assertEquals(
        new Limits(
            Isolation.OFF,
            64,
            l.inProcessMaxBytes(),
            l.maxFileTextChars(),
            3,
            7,
            11,
            13,
            l.maxQueryDepth(),
            l.maxRegexpChars(),
            l.maxAutomatonStates(),
            l.maxEntityChars(),
            l.entityTimeoutMs(),
            l.batchTimeoutMs()),
        l.withIsolation(Isolation.OFF, 64).withSearch(3, 7, 11, 13));
  }

  @Test
  void accessNormalisesOriginsAndRefusesWhatABrowserWouldNeverSend() {
    AccessConfig a =
        AccessConfig.defaults()
            .withCorsOrigins(List.of(" https://Partner.Example/ ", "", "http://localhost:8080"));
    assertEquals(List.of("https://partner.example", "http://localhost:8080"), a.corsOrigins());
    fails(
        "a CORS origin is scheme://host[:port] such as https://partner.example or"
            + " http://localhost:8080; got 'partner.example'",
        () -> a.withCorsOrigins(List.of("partner.example")));
    fails(
        "a CORS origin is scheme://host[:port] such as https://partner.example or"
            + " http://localhost:8080; got 'https://partner.example/search'",
        () -> a.withCorsOrigins(List.of("https://partner.example/search")));
  }

  @Test
  void writeKeysMustBeLongAndReadAccessOneOfThree() {
    AccessConfig a = AccessConfig.defaults();
    fails(
        "every write key must have at least 16 characters (DATELINE_WRITE_KEYS); one has 6",
        () -> a.withWriteKeys(List.of("0123456789abcdef", "secret")));
    assertEquals(
        List.of("0123456789abcdef"),
        a.withWriteKeys(List.of(" 0123456789abcdef ", " ")).writeKeys());
    assertEquals(ReadAccess.KEY, ReadAccess.parse(" Key "));
    assertEquals(ReadAccess.OPEN, ReadAccess.parse("open"));
    fails("read access must be open, local or key; got 'public'", () -> ReadAccess.parse("public"));
    assertEquals(ReadAccess.LOCAL, a.withReadAccess(null).readAccess(), "null means the default");
  }

  @Test
  void aWatchFolderNeedsASettleTimeAndACommitInterval() {
    fails(
        "settle time must be 0 or more, got PT-0.001S",
        () -> new WatchConfig(Path.of("drop"), Duration.ofMillis(-1), Duration.ofSeconds(1)));
    fails(
        "commit interval must be positive, got PT0S",
        () -> new WatchConfig(Path.of("drop"), Duration.ZERO, Duration.ZERO));
    WatchConfig w = new WatchConfig(Path.of("drop"), Duration.ZERO, Duration.ofMillis(1));
    assertTrue(w.enabled());
    assertNull(WatchConfig.OFF.dir());
    assertEquals(Duration.ofMillis(100), WatchConfig.OFF.settle());
    assertEquals(Duration.ofSeconds(60), WatchConfig.OFF.commitInterval());
  }
}
