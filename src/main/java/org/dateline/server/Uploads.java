package org.dateline.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.store.LockObtainFailedException;
import org.dateline.config.Config;
import org.dateline.ingest.IngestFailure;
import org.dateline.pipeline.IngestReport;
import org.dateline.search.SearchService;
import org.dateline.search.ShownPath;

/**
 * {@code POST /api/documents}: one uploaded file (multipart field {@code file}) is kept under the
 * uploads folder and indexed by the same path as {@code dateline index}, then made searchable at
 * once. Uploads are indexed one at a time; while another process writes the index, 409.
 */
final class Uploads {

  /** What an upload did: where the file is kept, the articles it gave, or why it gave none. */
  record Result(
      String file,
      String path,
      long articles,
      boolean unchanged,
      List<String> ids,
      List<IngestFailure> failures) {}

  /** Room for the multipart headers and boundaries around the file itself. */
  static final long MULTIPART_OVERHEAD_BYTES = 65_536;

  private final Config config;
  private final SearchService search;
  private final Ingest ingest;

  Uploads(Config config, SearchService search, Ingest ingest) {
    this.config = config;
    this.search = search;
    this.ingest = ingest;
  }

  void handle(Context ctx) throws IOException {
    ApiAccess.requireWrite(ctx);
    UploadedFile file = uploadedFile(ctx);
    if (file == null) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "bad_request",
          "send the file as multipart/form-data in a field named 'file'");
    }
    if (file.size() > config.maxFileBytes()) {
      throw tooLarge();
    }
    Path stored = store(file);
    Result result = index(file.filename(), stored);
    HttpStatus status =
        !result.failures().isEmpty()
            ? HttpStatus.UNPROCESSABLE_CONTENT
            : result.unchanged() ? HttpStatus.OK : HttpStatus.CREATED;
    ctx.status(status).json(result);
  }

  /** The multipart field "file"; Jetty's own size limit and malformed bodies become 413 and 400. */
  private UploadedFile uploadedFile(Context ctx) {
    // A refused body is left unread, so the connection cannot carry another request.
    if (ctx.contentLength() > config.maxFileBytes() + MULTIPART_OVERHEAD_BYTES) {
      ctx.header("Connection", "close");
      throw tooLarge();
    }
    try {
      return ctx.uploadedFile("file");
    } catch (Exception e) { // Jetty reports limits and bad bodies as (sneaky) ServletExceptions
      ctx.header("Connection", "close");
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("max")) {
          throw tooLarge();
        }
      }
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "bad_request",
          "the body is not valid multipart/form-data; send the file in a field named 'file'");
    }
  }

  ApiException tooLarge() {
    return new ApiException(
        HttpStatus.CONTENT_TOO_LARGE,
        "too_large",
        "the file is larger than this server accepts ("
            + config.maxFileBytes() / (1024 * 1024)
            + " MB): split it, or ask whoever runs this Dateline to raise the limit");
  }

  /**
   * Keeps the file as uploads/HASH/NAME: the same bytes land on the same path, so uploading them
   * again changes nothing.
   */
  private Path store(UploadedFile file) throws IOException {
    Path dir = config.uploadsDir();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "upload-", ".part");
    try {
      MessageDigest md = sha256();
      try (InputStream in = new DigestInputStream(file.content(), md)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      String hash = HexFormat.of().formatHex(md.digest()).substring(0, 16);
      Path target = dir.resolve(hash).resolve(safeName(file.filename()));
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        // The same bytes under the same name: kept as they are, so the file keeps the time it was
        // indexed with (a rewritten file would read as changed, and its original be refused).
        return target;
      }
      Files.createDirectories(target.getParent());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private synchronized Result index(String name, Path stored) throws IOException {
    IngestReport report;
    try {
      report = ingest.run(List.of(stored));
    } catch (LockObtainFailedException e) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "index_busy",
          "another Dateline process is"
              + " writing this index (a running 'dateline index'); try again when it has finished");
    }
    search.refresh();
    String path = stored.toAbsolutePath().normalize().toString();
    List<String> roots = List.of(config.uploadsDir().toString());
    return new Result(
        name,
        ShownPath.of(path, roots),
        report.articlesWritten(),
        report.filesUnchanged() > 0,
        search.idsOfSource(path),
        report.failures().stream()
            .map(f -> new IngestFailure(ShownPath.of(f.path(), roots), f.kind(), f.detail()))
            .toList());
  }

  /** The uploaded name without any folder part, and only characters safe in a file name. */
  static String safeName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
    while (base.startsWith(".")) {
      base = base.substring(1);
    }
    return base.isEmpty() ? "upload" : base;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
