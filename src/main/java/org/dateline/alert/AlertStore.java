package org.dateline.alert;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dateline.index.AtomicFile;

/**
 * The saved alerts, kept beside the index in {@value #FILE_NAME}: every change is written whole and
 * replaces the file atomically ({@link AtomicFile}), so after a crash the file holds every alert as
 * before the change or as after it. Thread-safe: changes are serialised; reads see a snapshot.
 */
final class AlertStore {

  /** The store's file name in the index folder. */
  static final String FILE_NAME = "alerts.json";

  /** The file's layout. */
  record Contents(List<Alert> alerts) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;
  private volatile Map<String, Alert> alerts;
  private final AlertNumbers numbers = new AlertNumbers();

  private AlertStore(Path file, Map<String, Alert> sorted) {
    this.file = file;
    this.alerts = Map.copyOf(sorted);
    for (Alert a : sorted.values()) { // numbered in id order
      numbers.describe(a.id(), a);
    }
  }

  /** The alerts saved in {@code dir} (none when it has no file yet). */
  static AlertStore open(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    Map<String, Alert> alerts = new TreeMap<>();
    if (Files.exists(file)) {
      Contents c = JSON.readValue(file.toFile(), Contents.class);
      for (Alert a : c.alerts() == null ? List.<Alert>of() : c.alerts()) {
        alerts.put(a.id(), a);
      }
    }
    return new AlertStore(file, alerts);
  }

  /** Every alert, by id. */
  Map<String, Alert> all() {
    return alerts;
  }

  Alert get(String id) {
    return alerts.get(id);
  }

  /** The alerts' numbers, each with whether it is saved and how it tells (kept up to date here). */
  AlertNumbers numbers() {
    return numbers;
  }

  /** Saves {@code alert} (new, or replacing the one with its id). */
  synchronized void put(Alert alert) throws IOException {
    Map<String, Alert> next = new TreeMap<>(alerts);
    next.put(alert.id(), alert);
    write(next);
    numbers.describe(alert.id(), alert);
  }

  /** Saves every alert of {@code made} in one write. */
  synchronized void putAll(List<Alert> made) throws IOException {
    Map<String, Alert> next = new TreeMap<>(alerts);
    for (Alert a : made) {
      next.put(a.id(), a);
    }
    write(next);
    for (Alert a : made) {
      numbers.describe(a.id(), a);
    }
  }

  synchronized void remove(String id) throws IOException {
    Map<String, Alert> next = new TreeMap<>(alerts);
    if (next.remove(id) != null) {
      write(next);
      numbers.describe(id, null);
    }
  }

  private void write(Map<String, Alert> next) throws IOException {
    AtomicFile.write(file, JSON.writeValueAsBytes(new Contents(List.copyOf(next.values()))));
    alerts = Map.copyOf(next);
  }
}
