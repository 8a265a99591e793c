package org.dateline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the code's layout, enforced: packages follow the data's path (config, then ingest →
 * enrich → index → pipeline | search → alert → server | solr → cli; server and solr, the SolrCloud
 * backend, do not know each other: cli wires them) and no dependency runs back up it; only {@code
 * server} knows Javalin and only {@code ingest} knows Tika; facet counting and KWIC depend on
 * nothing of the search around them; index field names are spelt only in {@code Schema}. Each rule
 * is also run once against a layout that breaks it, so a rule that could never fail is caught.
 */
class ArchitectureTest {

  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dateline");
  }

  /** The data's path; each layer may use only those listed before it (config: everyone). */
  static ArchRule layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("config")
        .definedBy("org.dateline.config..")
        .layer("ingest")
        .definedBy("org.dateline.ingest..")
        .layer("enrich")
        .definedBy("org.dateline.enrich..")
        .layer("index")
        .definedBy("org.dateline.index..")
        .layer("pipeline")
        .definedBy("org.dateline.pipeline..")
        .layer("search")
        .definedBy("org.dateline.search..")
        .layer("alert")
        .definedBy("org.dateline.alert..")
        .layer("solr")
        .definedBy("org.dateline.solr..")
        .layer("server")
        .definedBy("org.dateline.server..")
        .layer("cli")
        .definedBy("org.dateline.cli..")
        .whereLayer("config")
        .mayNotAccessAnyLayer()
        .whereLayer("ingest")
        .mayOnlyAccessLayers("config")
        .whereLayer("enrich")
        .mayOnlyAccessLayers("config", "ingest")
        .whereLayer("index")
        .mayOnlyAccessLayers("config", "ingest", "enrich")
        .whereLayer("pipeline")
        .mayOnlyAccessLayers("config", "ingest", "enrich", "index")
        .whereLayer("search")
        .mayOnlyAccessLayers("config", "ingest", "enrich", "index")
        .whereLayer("alert")
        .mayOnlyAccessLayers("config", "ingest", "enrich", "index", "pipeline", "search")
        .whereLayer("solr")
        .mayOnlyAccessLayers("config", "ingest", "enrich", "index", "pipeline", "search")
        .whereLayer("server")
        .mayOnlyAccessLayers("config", "ingest", "enrich", "index", "pipeline", "search", "alert")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer();
  }

  static ArchRule onlyServerKnowsJavalin() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("org.dateline.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javalin..")
        .because("the HTTP framework stays behind the server package");
  }

  static ArchRule onlyIngestKnowsTika() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("org.dateline.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.tika..")
        .because("files become text and metadata in one place");
  }

  /** Facet counting and KWIC are engines of their own: they never reach back into search. */
  static ArchRule enginesStandAlone() {
    return noClasses()
        .that()
        .resideInAnyPackage("org.dateline.search.facet..", "org.dateline.search.kwic..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.dateline.search");
  }

  @Test
  void theDataPathRunsOneWay() {
    layers().check(product);
  }

  @Test
  void librariesStayInTheirRooms() {
    onlyServerKnowsJavalin().check(product);
    onlyIngestKnowsTika().check(product);
  }

  @Test
  void facetsAndKwicStandAlone() {
    enginesStandAlone().check(product);
  }

  /** Each rule fails on a class that breaks it: the rules are not vacuous. */
  @Test
  void everyRuleFailsWhenBroken() {
    JavaClasses broken =
        new ClassFileImporter()
            .importClasses(
                org.dateline.search.kwic.BreaksEveryRule.class,
                org.dateline.search.SearchRequest.class,
                org.dateline.cli.Main.class);
    for (ArchRule rule :
        List.of(layers(), onlyServerKnowsJavalin(), onlyIngestKnowsTika(), enginesStandAlone())) {
      assertTrue(
          rule.evaluate(broken).hasViolation(), "rule cannot fail: " + rule.getDescription());
    }
  }

  /** Index field names are spelt in Schema alone: no Lucene call elsewhere names one literally. */
  @Test
  void fieldNamesLiveInSchemaAlone() throws IOException {
    assertEquals(List.of(), literalFieldNames(Path.of("src/main/java")));
    // and the check finds one when there is one
    Path broken = Files.createTempDirectory("arch");
    try {
      Files.writeString(
          broken.resolve("Bad.java"),
          "class Bad { Object q = new TermQuery(new Term(\"outlet\", \"BBC\")); }");
      assertEquals(List.of("Bad.java: new Term(\"outlet\""), literalFieldNames(broken));
    } finally {
      try (Stream<Path> files = Files.walk(broken)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Lucene calls whose first argument is a field name, given as a string literal. */
  private static final Pattern LITERAL_FIELD =
      Pattern.compile(
          "new (Term|SortField|SortedNumericSortField|StringField|TextField|StoredField|IntPoint"
              + "|LongPoint|NumericDocValuesField|SortedDocValuesField|SortedSetDocValuesField"
              + "|SortedSetDocValuesFacetField|FieldExistsQuery|KeywordField)\\(\\s*\"[^\"]*\""
              + "|\\.(getField|getValues|getDimConfig|getSortedSetValues|getSortedDocValues"
              + "|getNumericDocValues|getSortedNumericDocValues|terms)\\(\\s*\"[^\"]*\""
              + "|(LongPoint|IntPoint)\\.new\\w+Query\\(\\s*\"[^\"]*\"");

  private static List<String> literalFieldNames(Path root) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (f.getFileName().toString().equals("Schema.java")) {
          continue;
        }
        Matcher m = LITERAL_FIELD.matcher(Files.readString(f));
        while (m.find()) {
          found.add(root.relativize(f) + ": " + m.group());
        }
      }
    }
    return found;
  }
}
