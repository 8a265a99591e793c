package org.dateline.search.kwic;

import io.javalin.http.Context;
import org.apache.tika.Tika;
import org.dateline.cli.Main;
import org.dateline.search.SearchRequest;

/**
 * Breaks every layout rule on purpose (KWIC reaching back into search and up into the CLI, Javalin
 * and Tika outside their rooms): ArchitectureTest checks that each rule catches it.
 */
public final class BreaksEveryRule {
  SearchRequest request;
  Context context;
  Tika tika;
  Main main;
}
