package org.dateline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dateline.enrich.entities.EntityResolver;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.NerExtractor;
import org.dateline.enrich.entities.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dateline entities FILE|-}: the entity mentions of one plain text, one JSON line each. */
@Command(
    name = "entities",
    mixinStandardHelpOptions = true,
    subcommands = EntitiesApplyCommand.class,
    description =
        "Print the named entities of a UTF-8 text file (or - for standard input) as JSON"
            + " lines {text, type, start, end, canonical}; offsets are characters into the text.")
final class EntitiesCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "Text file, or - for standard input.")
  String file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (file == null) {
      throw new IllegalArgumentException(
          "give a text file (or - for standard input), or 'apply'"
              + " to re-apply the entity registry to an index");
    }
    String text =
        file.equals("-")
            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper json = new ObjectMapper();
    List<Mention> recognised = NerExtractor.shared().extract(text);
    for (Mention m : new EntityResolver(Registry.empty()).resolveStory(text, recognised)) {
      out.println(json.writeValueAsString(m));
    }
    out.flush();
    return 0;
  }
}
