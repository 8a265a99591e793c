package org.dateline.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import org.dateline.TestIndexes;
import org.dateline.search.SearchService;

/**
 * A real server on a free port over the seed articles indexed in {@code dir}, for tests that speak
 * raw HTTP to it; {@link #docId} is the id of one article.
 */
final class SeedsServer implements AutoCloseable {

  final SearchService search;
  final Javalin app;
  final String docId;

  private SeedsServer(SearchService search, Javalin app, String docId) {
    this.search = search;
    this.app = app;
    this.docId = docId;
  }

  static SeedsServer start(Path dir) throws IOException {
    TestIndexes.index(dir, false, TestIndexes.SEEDS);
    SearchService search = SearchService.readOnly(dir);
    Javalin app = ApiServer.create(search, TestIndexes.config(dir)).start(0);
    String id =
        search
            .idsOfSource(TestIndexes.SEEDS.resolve("000_7208853106593958.txt").toString())
            .getFirst();
    return new SeedsServer(search, app, id);
  }

  RawHttp.Answer send(String method, String target) throws IOException {
    return RawHttp.send(app.port(), method, target);
  }

  @Override
  public void close() throws IOException {
    app.stop();
    search.close();
  }
}
