package org.dateline.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dateline.ingest.Sidecar;

/**
 * A folder (and its sub-folders) that a feed writes files into, and which of its files are ready to
 * index. The operating system's change notifications (the JDK's {@link WatchService}: inotify on
 * Linux) say at once which files changed; a full scan at start and every {@code rescan} catches
 * what notifications miss (an overflow, a network share, a platform whose WatchService polls).
 *
 * <p>The rule for feed writers: names starting with a dot or ending in {@code .tmp}, {@code .part},
 * {@code .partial}, {@code .crdownload}, {@code .download} or {@code ~} are never taken, so write
 * under such a name and rename when done; any other file is taken once it has not been modified for
 * {@code settle}. A file is handed out again only when its size or modification time changed.
 * Removing a file does not remove its articles: the folder is an inbox, and may be emptied once its
 * files are committed; {@link #removed} says which handed-out files were removed, for a caller that
 * mirrors the folder instead. A sidecar ({@code .meta.json}) is not a file of its own: when it
 * changes, the file it describes is handed out. Not thread-safe: one watcher thread polls it.
 */
public final class DropFolder implements Closeable {

  private static final List<String> TEMP_SUFFIXES =
      List.of(".tmp", ".part", ".partial", ".crdownload", ".download", "~");

  private record Seen(long size, long mtimeMs) {}

  private final Path root;
  private final long settleMs;
  private final long rescanMs;
  private final WatchService watcher;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Set<Path> registered = new HashSet<>();

  /** Files that changed and are not yet ready, in the order they were seen. */
  private final Set<Path> candidates = new LinkedHashSet<>();

  /** Size and modification time of each file when it was last handed out. */
  private final Map<Path, Seen> handed = new HashMap<>();

  /** Handed-out files removed since the last {@link #removed}. */
  private final Set<Path> removed = new LinkedHashSet<>();

  private long lastScanMs = Long.MIN_VALUE / 2;

  private DropFolder(Path root, Duration settle, Duration rescan, WatchService watcher) {
    this.root = root;
    this.settleMs = settle.toMillis();
    this.rescanMs = rescan.toMillis();
    this.watcher = watcher;
  }

  /** Starts watching {@code root}, which must be an existing folder. */
  public static DropFolder open(Path root, Duration settle, Duration rescan) throws IOException {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new java.io.FileNotFoundException("no such folder to watch: " + root);
    }
    return new DropFolder(abs, settle, rescan, FileSystems.getDefault().newWatchService());
  }

  /** Whether a feed writer's file of this name is ever taken (see the class comment). */
  public static boolean eligible(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".")) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return TEMP_SUFFIXES.stream().noneMatch(lower::endsWith);
  }

  /**
   * Waits at most {@code waitMs} for changes, then returns the files that became ready (possibly
   * none), oldest change first. Files not yet settled are kept for a later call.
   */
  public List<Path> poll(long waitMs) throws IOException, InterruptedException {
    long now = System.currentTimeMillis();
    if (now - lastScanMs >= rescanMs) {
      lastScanMs = now;
      scan(root);
    }
    // While files wait to settle, look again soon; otherwise sleep until a notification.
    long wait = candidates.isEmpty() ? waitMs : Math.min(waitMs, Math.max(5, settleMs / 4));
    WatchKey key;
    try {
      key = watcher.poll(wait, TimeUnit.MILLISECONDS);
      while (key != null) {
        drain(key);
        key = watcher.poll();
      }
    } catch (ClosedWatchServiceException e) {
      return List.of();
    }
    return ready(System.currentTimeMillis());
  }

  private void drain(WatchKey key) throws IOException {
    Path dir = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
        lastScanMs = Long.MIN_VALUE / 2; // notifications were lost: scan everything next time
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
        gone(child);
      } else if (Files.isDirectory(child)) {
        if (!child.getFileName().toString().startsWith(".")) {
          scan(child); // files may have been written before the folder was registered
        }
      } else if (eligible(child)) {
        candidates.add(child);
      }
    }
    if (!key.reset()) {
      registered.remove(folders.remove(key));
    }
  }

  /** Registers every folder under {@code start} and queues the files that changed. */
  private void scan(Path start) throws IOException {
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (registered.add(dir)) {
              folders.put(
                  dir.register(
                      watcher,
                      StandardWatchEventKinds.ENTRY_CREATE,
                      StandardWatchEventKinds.ENTRY_MODIFY,
                      StandardWatchEventKinds.ENTRY_DELETE),
                  dir);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()
                && eligible(file)
                && !new Seen(attrs.size(), attrs.lastModifiedTime().toMillis())
                    .equals(handed.get(file))) {
              candidates.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult
                .CONTINUE; // gone meanwhile, or unreadable: the indexer reports it
          }
        });
  }

  private List<Path> ready(long nowMs) throws IOException {
    Map<Path, Boolean> out = new LinkedHashMap<>();
    for (var it = candidates.iterator(); it.hasNext(); ) {
      Path file = it.next();
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (NoSuchFileException gone) {
        it.remove();
        continue;
      }
      Seen seen = new Seen(attrs.size(), attrs.lastModifiedTime().toMillis());
      if (!attrs.isRegularFile() || seen.equals(handed.get(file))) {
        it.remove();
      } else if (nowMs - seen.mtimeMs() >= settleMs) {
        it.remove();
        handed.put(file, seen);
        if (file.getFileName().toString().equals(Sidecar.FOLDER)) {
          handedUnder(file.getParent()).forEach(f -> out.put(f, true));
        } else if (Sidecar.isSidecar(file)) {
          describedBy(file).forEach(f -> out.put(f, true));
        } else {
          out.put(file, true);
        }
      }
    }
    return new ArrayList<>(out.keySet());
  }

  /** A file or folder was removed: the files handed out from it are gone. */
  private void gone(Path path) {
    candidates.remove(path);
    if (handed.remove(path) != null) {
      removed.add(path);
    } else if (registered.contains(path)) {
      for (var it = handed.keySet().iterator(); it.hasNext(); ) {
        Path file = it.next();
        if (file.startsWith(path)) {
          it.remove();
          removed.add(file);
        }
      }
    }
  }

  /**
   * The handed-out files removed from the folder since the last call (a sidecar's removal is not
   * one: its file stays), oldest first; a file written again under the same name meanwhile is
   * handed out again by {@link #poll}.
   */
  public List<Path> removed() {
    List<Path> out = new ArrayList<>();
    for (Path p : removed) {
      if (!Sidecar.isSidecar(p) && !Files.exists(p)) {
        out.add(p);
      }
    }
    removed.clear();
    return out;
  }

  /** The files handed out from a folder and the folders below it (a folder sidecar changed). */
  private List<Path> handedUnder(Path folder) {
    List<Path> files = new ArrayList<>();
    for (Path f : handed.keySet()) {
      if (f.startsWith(folder) && !Sidecar.isSidecar(f)) {
        files.add(f);
      }
    }
    return files;
  }

  /** The files in the sidecar's folder whose sidecar it is. */
  private static List<Path> describedBy(Path sidecar) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(sidecar.getParent())) {
      for (Path f : siblings) {
        if (eligible(f) && !Sidecar.isSidecar(f) && Files.isRegularFile(f)) {
          Optional<Path> own = Sidecar.locate(f);
          if (own.isPresent() && own.get().equals(sidecar)) {
            files.add(f);
          }
        }
      }
    }
    return files;
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
