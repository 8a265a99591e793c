package org.dateline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.config.Config;
import org.dateline.enrich.entities.Registry;
import org.dateline.index.ArticleIndex;
import org.dateline.pipeline.EntityPass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dateline entities apply}: re-resolves an index's entities with its registry file. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description =
        "Re-apply the entity registry ("
            + Registry.FILE_NAME
            + " in the index folder) and"
            + " the variant rules to every stored article, without re-reading sources.")
final class EntitiesApplyCommand implements Callable<Integer> {

  @Mixin IndexDirOption dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Config config = dir.toConfig();
    if (!Files.isDirectory(config.indexDir())
        || !DirectoryReader.indexExists(FSDirectory.open(config.indexDir()))) {
      throw new IllegalArgumentException(
          "no index in "
              + config.indexDir()
              + "; build one first: ./dateline index PATH --index "
              + config.indexDir());
    }
    PrintWriter out = spec.commandLine().getOut();
    try (ArticleIndex index = ArticleIndex.open(config.indexDir())) {
      EntityPass.Result r = EntityPass.run(index, true, config.ingestThreads());
      out.printf(
          "Entities resolved across %d articles in %.1f s (%d rewritten) with %s.%n",
          r.articles(),
          r.elapsedMs() / 1000.0,
          r.rewritten(),
          Files.exists(config.indexDir().resolve(Registry.FILE_NAME))
              ? config.indexDir().resolve(Registry.FILE_NAME)
              : "no registry file (rules only)");
    }
    out.flush();
    return 0;
  }
}
