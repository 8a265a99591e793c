package org.dateline.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import org.dateline.search.SearchRequest;

/**
 * Reads the search a request asks for, the same way for every route that takes search parameters
 * (search, export, concordance): validated, narrowed to the key's scope, names expanded to their
 * variants when asked.
 */
@FunctionalInterface
interface RequestReader {

  /** {@code extra}: the route's own parameters, allowed beside the search parameters. */
  SearchRequest read(Context ctx, Set<String> extra) throws IOException;
}
