package org.dateline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dateline.enrich.entities.Mention;
import org.dateline.enrich.entities.NerExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dateline entities FILE|-}: the entity mentions of one plain text, one JSON line each. */
@Command(name = "entities", mixinStandardHelpOptions = true,
    description = "Print the named entities of a UTF-8 text file (or - for standard input) as JSON"
        + " lines {text, type, start, end, canonical}; offsets are characters into the text.")
final class EntitiesCommand implements Callable<Integer> {

  @Parameters(arity = "1", paramLabel = "FILE", description = "Text file, or - for standard input.")
  String file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String text = file.equals("-")
        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
        : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper json = new ObjectMapper();
    for (Mention m : NerExtractor.shared().extract(text)) {
      out.println(json.writeValueAsString(m.canonical() != null ? m
          : new Mention(m.text(), m.type(), m.start(), m.end(), m.text())));
    }
    out.flush();
    return 0;
  }
}
