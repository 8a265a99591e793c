package org.dateline.cli;

import java.nio.file.Path;
import org.dateline.config.Config;
import picocli.CommandLine.Option;

/** The index folder, which every command names; flag beats environment variable beats default. */
public final class IndexDirOption {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (env DATELINE_INDEX; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_INDEX:-" + Config.DEFAULT_INDEX + "}")
  Path index;

  /** True when the user did not choose an index folder. */
  public boolean defaultIndex() {
    return index.normalize().equals(Config.DEFAULT_INDEX_DIR);
  }

  /** The default configuration on this index folder. */
  public Config toConfig() {
    return Config.defaults().withIndexDir(index);
  }
}
