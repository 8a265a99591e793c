package org.dateline.ingest.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** The schema.org JSON-LD items a page embeds, articles first. */
final class JsonLd {

  // Sites hand-write their JSON-LD; these features accept the mistakes seen in the wild.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(new JsonFactory())
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "askpublicnewsarticle",
          "blogposting",
          "liveblogposting",
          "socialmediaposting",
          "report",
          "scholarlyarticle",
          "techarticle");

  private final List<JsonNode> articles;
  private final List<JsonNode> others;

  /** Names of the page's nodes by their {@code @id}, wherever in the page's JSON-LD they sit. */
  private final Map<String, String> namesById;

  private JsonLd(List<JsonNode> articles, List<JsonNode> others, Map<String, String> namesById) {
    this.articles = articles;
    this.others = others;
    this.namesById = namesById;
  }

  /** Reads every ld+json script of the page; scripts that do not parse are skipped. */
  static JsonLd read(Document doc) {
    List<JsonNode> items = new ArrayList<>();
    for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
      try {
        collect(MAPPER.readTree(script.data().trim()), items, 0);
      } catch (Exception e) {
        // A broken block says nothing we can use; the other sources still apply.
      }
    }
    List<JsonNode> articles = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    Map<String, String> namesById = new HashMap<>();
    for (JsonNode item : items) {
      (isArticle(item) ? articles : others).add(item);
      nameIds(item, namesById, 0);
    }
    return new JsonLd(articles, others, namesById);
  }

  /**
   * Records every node that has both an {@code @id} and a name: an article's {@code "publisher":
   * {"@id": "https://www.cbsnews.com/"}} names the organisation described once elsewhere (in a
   * {@code @graph}, or inside another item), as Yoast's WordPress pages and CBS's do.
   */
  private static void nameIds(JsonNode node, Map<String, String> out, int depth) {
    if (node == null || depth > 6 || !node.isContainerNode()) {
      return;
    }
    JsonNode id = node.get("@id");
    JsonNode name = node.get("name");
    if (id != null && id.isTextual() && name != null && name.isTextual()) {
      out.putIfAbsent(id.asText(), name.asText());
    }
    node.forEach(child -> nameIds(child, out, depth + 1));
  }

  /** Flattens arrays, @graph lists and a WebPage's mainEntity into one list of items. */
  private static void collect(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 4) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, out, depth + 1));
    } else if (node.isObject()) {
      out.add(node);
      collect(node.get("@graph"), out, depth + 1);
      JsonNode main = node.get("mainEntity");
      if (main != null && main.isObject() && isArticle(main)) {
        collect(main, out, depth + 1);
      }
    }
  }

  private static boolean isArticle(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) {
      return false;
    }
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      if (ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Text values of a field from the article items (other items when there are none). */
  List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : relevant()) {
      addText(item.get(field), out);
    }
    return out;
  }

  /** The headline of the first article item, or null. */
  String headline() {
    for (JsonNode item : articles) {
      List<String> h = new ArrayList<>();
      addText(item.get("headline"), h);
      addText(item.get("name"), h);
      if (!h.isEmpty()) {
        return h.get(0);
      }
    }
    return null;
  }

  /** Names from a person or organisation field (object, array, or plain string). */
  List<String> names(String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : relevant()) {
      JsonNode value = item.get(field);
      if (value == null) {
        continue;
      }
      for (JsonNode v : value.isArray() ? value : List.of(value)) {
        addText(v.isObject() ? nameOf(v) : v, out);
      }
    }
    return out;
  }

  /** An object's own name, else the name of the node its {@code @id} refers to. */
  private JsonNode nameOf(JsonNode object) {
    JsonNode name = object.get("name");
    JsonNode id = object.get("@id");
    if (name == null && id != null && id.isTextual() && namesById.containsKey(id.asText())) {
      return TextNode.valueOf(namesById.get(id.asText()));
    }
    return name;
  }

  /** The longest articleBody any article item carries, or an empty string. */
  String articleBody() {
    String best = "";
    for (JsonNode item : articles) {
      JsonNode body = item.get("articleBody");
      if (body != null && body.isTextual() && body.asText().length() > best.length()) {
        best = body.asText();
      }
    }
    return best;
  }

  /** A site's WebSite or Organization item also has dates and names; the article's win. */
  private List<JsonNode> relevant() {
    return articles.isEmpty() ? others : articles;
  }

  private static void addText(JsonNode value, List<String> out) {
    if (value == null) {
      return;
    }
    if (value.isArray()) {
      value.forEach(v -> addText(v, out));
      return;
    }
    if (value.isValueNode()) {
      String text = Text.clean(Parser.unescapeEntities(value.asText(), false));
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
  }
}
