package org.dateline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dateline.TestIndexes;
import org.dateline.ingest.IngestFailure;
import org.dateline.pipeline.IngestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of ../shared/corpus/formats-tika (76 odd and hostile format samples) ends up indexed
 * or reported with a precise reason: this is the golden outcome of each one.
 */
class FormatsTikaIT {

  /** The files that cannot yield an article, and why. Every other file must be indexed. */
  private static final Map<String, String> EXPECTED_FAILURES =
      Map.of(
          "testODTEncrypted.odt", "encrypted",
          "testWORD_protected_passtika.docx", "encrypted",
          "testRDF.rdf", "empty",
          // No text layer: Tika reads only their titles ("Presentation1", "Sample Acrobat 4.x
          // ...").
          "testOCR.pdf", "image only",
          "testPDF_Version.11.x.PDFA-1b.pdf", "image only");

  @TempDir Path index;

  @Test
  void everyFileIsIndexedOrReportedWithItsReason() throws IOException {
    Path corpus = TestIndexes.sharedCorpus("formats-tika");
    assumeTrue(corpus != null, "../shared/corpus/formats-tika is absent: skipped");
    IngestReport report = TestIndexes.index(index, false, corpus);
    Map<String, String> failures = new TreeMap<>();
    for (IngestFailure f : report.failures()) {
      failures.put(Path.of(f.path()).getFileName().toString(), f.kind().label());
    }
    assertEquals(new TreeMap<>(EXPECTED_FAILURES), failures);
    long files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(Files::isRegularFile).count();
    }
    assertEquals(files, report.filesSeen());
    assertEquals(files - EXPECTED_FAILURES.size(), report.filesIndexed());
  }
}
