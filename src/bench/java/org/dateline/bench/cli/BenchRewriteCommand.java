package org.dateline.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.dateline.bench.BenchFiles;
import org.dateline.index.ArticleIndex;
import org.dateline.index.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dateline bench rewrite FROM TO}: every article of an index written again, through the
 * current {@link Schema}, into a new index: what a schema change does to an index's size, without
 * parsing and recognising the archive again. Entities, stories and sources are kept as stored.
 */
@Command(
    name = "rewrite",
    mixinStandardHelpOptions = true,
    description =
        "Write every article of index FROM again, through the current schema, into a new index"
            + " TO (to measure a schema change without re-ingesting).")
final class BenchRewriteCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FROM", description = "The index to read.")
  Path from;

  @Parameters(index = "1", paramLabel = "TO", description = "A new folder for the copy.")
  Path to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(to) && BenchFiles.sizeOf(to) > 0) {
      throw new IllegalArgumentException(to + " is not empty");
    }
    long n = 0;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(from));
        ArticleIndex out = ArticleIndex.open(to)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document doc = stored.document(d);
            out.rewrite(Schema.toArticle(doc), Schema.toSourceFile(doc), Schema.storyOf(doc));
            n++;
          }
        }
      }
      out.writer().forceMerge(1);
      out.commit(Map.of());
    }
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf("%d articles written to %s (one segment)%n", n, to);
    pw.flush();
    return 0;
  }
}
