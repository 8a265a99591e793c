package org.dateline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.dateline.config.Config;
import org.dateline.index.ArticleIndex;
import org.dateline.pipeline.StoryRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dateline stories --recluster}: makes every story again, in publication order. */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description =
        "Stories (copies of one text) of an index. --recluster makes them all again in"
            + " publication order, the same way every time.")
final class StoriesCommand implements Callable<Integer> {

  @Mixin IndexDirOption dir;

  @Option(
      names = "--recluster",
      required = true,
      description = "Rebuild every story, taking the articles in publication order.")
  boolean recluster;

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
      StoryRebuild.Result r = StoryRebuild.run(index);
      out.printf(
          "Stories rebuilt: %d articles in %d stories (%d articles moved) in %.1f s.%n",
          r.articles(), r.stories(), r.changed(), r.elapsedMs() / 1000.0);
    }
    out.flush();
    return 0;
  }
}
