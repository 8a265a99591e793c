package org.dateline.cli;

import org.dateline.config.Limits;
import picocli.CommandLine.Option;

/** Bounds on one search ({@code search}, {@code serve}); flag beats environment beats default. */
public final class QueryOptions {

  @Option(
      names = "--max-query-terms",
      paramLabel = "N",
      description =
          "Most terms a wildcard, prefix, regexp or range may expand to"
              + " (env DATELINE_MAX_QUERY_TERMS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_QUERY_TERMS:-" + Limits.DEFAULT_MAX_QUERY_TERMS + "}")
  int maxQueryTerms;

  @Option(
      names = "--search-timeout-ms",
      paramLabel = "MS",
      description =
          "Time limit of one search (env DATELINE_SEARCH_TIMEOUT_MS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_SEARCH_TIMEOUT_MS:-" + Limits.DEFAULT_SEARCH_TIMEOUT_MS + "}")
  long searchTimeoutMs;

  @Option(
      names = "--max-query-chars",
      paramLabel = "N",
      description =
          "Longest query accepted (env DATELINE_MAX_QUERY_CHARS; default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_QUERY_CHARS:-" + Limits.DEFAULT_MAX_QUERY_CHARS + "}")
  int maxQueryChars;

  /** {@code limits} with these search bounds and a request-size limit. */
  @Option(
      names = "--max-query-depth",
      paramLabel = "N",
      description =
          "Deepest nesting of parentheses in a query (env DATELINE_MAX_QUERY_DEPTH;"
              + " default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_QUERY_DEPTH:-" + Limits.DEFAULT_MAX_QUERY_DEPTH + "}")
  int maxQueryDepth;

  @Option(
      names = "--max-regexp-chars",
      paramLabel = "N",
      description =
          "Longest regular expression /.../ in a query (env DATELINE_MAX_REGEXP_CHARS;"
              + " default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:DATELINE_MAX_REGEXP_CHARS:-" + Limits.DEFAULT_MAX_REGEXP_CHARS + "}")
  int maxRegexpChars;

  @Option(
      names = "--max-automaton-states",
      paramLabel = "N",
      description =
          "Largest automaton a regexp, wildcard or fuzzy term may build (env"
              + " DATELINE_MAX_AUTOMATON_STATES; default: ${DEFAULT-VALUE}).",
      defaultValue =
          "${env:DATELINE_MAX_AUTOMATON_STATES:-" + Limits.DEFAULT_MAX_AUTOMATON_STATES + "}")
  int maxAutomatonStates;

  /** {@code limits} with these search bounds, its request-size limit kept. */
  Limits applyTo(Limits limits) {
    return applyTo(limits, limits.maxRequestBytes());
  }

  Limits applyTo(Limits limits, long maxRequestBytes) {
    return limits
        .withSearch(maxQueryTerms, searchTimeoutMs, maxQueryChars, maxRequestBytes)
        .withQueryShape(maxQueryDepth, maxRegexpChars, maxAutomatonStates);
  }
}
