package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dateline solr} and {@code --backend solr} without a cluster: output and refusals. */
class SolrCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void schemaPrintsBothFilesOfTheConfigset() {
    Run r = run("solr", "schema");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("<uniqueKey>id</uniqueKey>"), r.out());
    assertTrue(r.out().contains("<field name=\"body_stem\" type=\"text_dateline\""), "stems too");
    assertTrue(r.out().contains("<autoSoftCommit>"));
  }

  @Test
  void theSolrBackendWithoutNodesIsRefusedBeforeAnyWork() {
    Run r =
        run("index", dir.toString(), "--index", dir.resolve("idx").toString(), "--backend", "solr");
    assertEquals(1, r.code());
    assertEquals(
        "dateline: --backend solr needs --solr http://host:8983/solr[,http://host2:8983/solr]\n",
        r.err());
    Run bad =
        run("serve", "--index", dir.toString(), "--backend", "solr", "--solr", "host1:8983/solr");
    assertEquals(1, bad.code());
    assertEquals(
        "dateline: 'host1:8983/solr' is not a Solr node's address such as"
            + " http://host:8983/solr\n",
        bad.err());
  }
}
