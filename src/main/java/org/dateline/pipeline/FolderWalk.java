package org.dateline.pipeline;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import org.dateline.ingest.FailureKind;
import org.dateline.ingest.IngestFailure;
import org.dateline.ingest.Sidecar;

/** The files of a folder an ingest reads, following links, with what cannot be read as failures. */
final class FolderWalk {

  private FolderWalk() {}

  /**
   * Adds every regular file under {@code root} to {@code into}, in walk order; hidden files and
   * folders, sidecars and the index folder {@code indexDir} are left out, and what cannot be read
   * (broken links, loops, devices) is added to {@code failures} instead.
   */
  static void files(Path root, Path indexDir, List<Path> into, List<IngestFailure> failures)
      throws IOException {
    Path index = indexDir.toAbsolutePath().normalize();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
            return hidden || dir.equals(index)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || Sidecar.isSidecar(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
              into.add(file);
            } else if (attrs.isSymbolicLink()) {
              // A link that cannot be followed: it points to itself, round a loop, or nowhere.
              failures.add(
                  new IngestFailure(
                      file.toString(),
                      FailureKind.UNREADABLE,
                      "symbolic link that leads nowhere (a loop or a missing target)"));
            } else {
              failures.add(
                  new IngestFailure(
                      file.toString(),
                      FailureKind.UNSUPPORTED,
                      "not a regular file (a device, pipe or socket)"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String why =
                e instanceof FileSystemLoopException
                    ? "symbolic link loop"
                    : "cannot open: " + e.getMessage();
            failures.add(new IngestFailure(file.toString(), FailureKind.UNREADABLE, why));
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
