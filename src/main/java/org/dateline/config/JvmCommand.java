package org.dateline.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * How a Dateline JVM is started: this JVM's own {@code java} binary and class path, the flags every
 * Dateline JVM gets (from {@code jvm.properties}, which the launcher and the build read too), a
 * heap, and a main class. Parse workers, the servers the benchmarks start and the tests' child
 * processes all build their command lines here.
 */
public final class JvmCommand {

  private static final Properties FLAGS = load();

  /** The start-up cache flags the launcher gave this JVM, passed on to the JVMs it starts. */
  static final String CACHE_PROPERTY = "dateline.jvm.cache";

  private final List<String> options = new ArrayList<>();
  private final List<String> cacheOptions = new ArrayList<>();

  private JvmCommand(String heap) {
    options.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (heap != null) {
      options.add("-Xmx" + heap);
    }
    options.addAll(split(FLAGS.getProperty("jvm.flags")));
    options.addAll(split(FLAGS.getProperty("jvm.logging")));
    // The launcher's start-up cache flags (see ./dateline): a child on this class path fits it too.
    String cache = System.getProperty(CACHE_PROPERTY);
    if (cache != null && !cache.isBlank()) {
      cacheOptions.addAll(split(cache));
      cacheOptions.add("-D" + CACHE_PROPERTY + "=" + cache.strip());
      options.addAll(cacheOptions);
    }
  }

  /** The same JVM without the launcher's start-up cache (to measure what the cache gives). */
  public JvmCommand withoutStartupCache() {
    cacheOptions.forEach(options::remove);
    return this;
  }

  /** A JVM with a maximum heap of {@code heap} ({@code 512m}, {@code 2g}; null: the default). */
  public static JvmCommand withHeap(String heap) {
    return new JvmCommand(heap);
  }

  /** Adds JVM options ({@code -Xms2g}, {@code -D...}); later options win over the defaults. */
  public JvmCommand option(String... more) {
    options.addAll(Arrays.asList(more));
    return this;
  }

  /** The whole command line: this JVM's class path, {@code mainClass}, then {@code args}. */
  public List<String> running(String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>(options);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return List.copyOf(cmd);
  }

  /** {@link #running} with Dateline's command line ({@code org.dateline.cli.Main}). */
  public List<String> dateline(List<String> args) {
    return running("org.dateline.cli.Main", args);
  }

  private static List<String> split(String flags) {
    return flags == null || flags.isBlank() ? List.of() : List.of(flags.strip().split("\\s+"));
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = JvmCommand.class.getResourceAsStream("jvm.properties")) {
      if (in == null) {
        throw new IllegalStateException("jvm.properties is missing from the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
