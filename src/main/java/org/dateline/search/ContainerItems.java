package org.dateline.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.ingest.ContentTypes;
import org.dateline.ingest.FeedReader;
import org.dateline.ingest.MboxFile;

/**
 * Cuts one item out of its container for {@link OriginalFiles}: a feed item as its own XML, an mbox
 * message as the RFC 822 message it is. An item is cut only when it can be told apart for certain;
 * otherwise (null) the whole container is offered. Stateless.
 */
final class ContainerItems {

  /** Containers read whole into memory to cut an item; larger ones are offered whole. */
  static final long MAX_CONTAINER_BYTES = 64L << 20;

  /** How Tika names an mbox's messages (they have no names of their own): in parse order. */
  private static final Pattern MBOX_KEY = Pattern.compile("/embedded-(\\d+)");

  private static final int MAX_ITEMS = 100_000;

  private ContainerItems() {}

  /** The item {@code article} of the container {@code file}, or null when it cannot be cut. */
  static Original find(SearchService search, Path file, Article article) throws IOException {
    if (Files.size(file) > MAX_CONTAINER_BYTES) {
      return null;
    }
    String key = article.itemKey();
    if (ContentTypes.FEED.equals(article.contentType())) {
      String xml = FeedReader.itemXml(file, key);
      return xml == null
          ? null
          : Original.cut(
              file,
              baseName(file) + "-" + key.substring(key.lastIndexOf('/') + 1) + ".xml",
              xml.getBytes(StandardCharsets.UTF_8));
    }
    Matcher own = MBOX_KEY.matcher(key);
    if (!own.matches()) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    if (!MboxFile.looksLike(bytes)) {
      return null;
    }
    List<Long> order = messageOrder(search, article.path());
    List<byte[]> messages = MboxFile.messages(bytes);
    int rank = order.indexOf(Long.parseLong(own.group(1)));
    // A message that gave no article (or a file changed in between) would shift every rank after
    // it: cut only when each message has its article.
    if (rank < 0 || order.size() != messages.size()) {
      return null;
    }
    return Original.cut(file, baseName(file) + "-" + (rank + 1) + ".eml", messages.get(rank));
  }

  /**
   * The embedded numbers of the articles of the mbox at {@code path}, in parse order (Tika numbers
   * them as it meets them); empty when any article's key is not a message's.
   */
  private static List<Long> messageOrder(SearchService search, String path) throws IOException {
    List<String> keys =
        search.withSearcher(
            s -> {
              TopDocs top = s.search(new TermQuery(new Term(Schema.PATH, path)), MAX_ITEMS);
              List<String> out = new ArrayList<>();
              for (ScoreDoc sd : top.scoreDocs) {
                Document d = s.storedFields().document(sd.doc);
                out.add(Schema.toArticle(d).itemKey());
              }
              return out;
            });
    List<Long> numbers = new ArrayList<>();
    for (String k : keys) {
      Matcher m = MBOX_KEY.matcher(k);
      if (!m.matches()) {
        return List.of();
      }
      numbers.add(Long.parseLong(m.group(1)));
    }
    numbers.sort(null);
    return numbers;
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
