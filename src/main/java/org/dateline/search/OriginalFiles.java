package org.dateline.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.dateline.enrich.Article;
import org.dateline.index.Schema;
import org.dateline.index.SourceFile;

/**
 * Finds the source file an article came from, and refuses it unless it is safely the file that was
 * indexed: the path is the one the index stored (a client never names a path), absolute and
 * normalised, with no symbolic link anywhere along it (a link could lead out of the indexed
 * folders), and still the same regular file (size and modification time as indexed). A zip member
 * is served alone when its entry can be told apart, an mbox message and a feed item alone as {@link
 * ContainerItems} cuts them out; any other container's item only as the whole container.
 * Thread-safe.
 */
public final class OriginalFiles {

  /** Why an original cannot be served, in words for the client. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final SearchService search;

  public OriginalFiles(SearchService search) {
    this.search = search;
  }

  /** The original of article {@code id}, null when no article has that id. */
  public Original find(String id) throws IOException, Refused {
    Document doc =
        search.withSearcher(
            s -> {
              TopDocs top = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
              return top.scoreDocs.length == 0
                  ? null
                  : s.storedFields().document(top.scoreDocs[0].doc);
            });
    if (doc == null) {
      return null;
    }
    Article article = Schema.toArticle(doc);
    Path file = checked(Schema.toSourceFile(doc));
    String key = article.itemKey();
    if (key.isEmpty()) {
      return new Original(file, null, file.getFileName().toString(), false, Files.size(file));
    }
    Original item = ContainerItems.find(search, file, article);
    if (item != null) {
      return item;
    }
    String entry = zipEntry(file, key);
    if (entry == null) {
      return new Original(file, null, file.getFileName().toString(), true, Files.size(file));
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry e = zip.getEntry(entry);
      return new Original(file, entry, Path.of(entry).getFileName().toString(), false, e.getSize());
    }
  }

  /** The bytes of a member found by {@link #find}. */
  public static InputStream openMember(Original original) throws IOException {
    ZipFile zip = new ZipFile(original.file().toFile());
    InputStream in = zip.getInputStream(zip.getEntry(original.member()));
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          zip.close();
        }
      }
    };
  }

  /** The stored path, if it is still safely the file that was indexed. */
  static Path checked(SourceFile source) throws IOException, Refused {
    Path path = Path.of(source.path());
    if (!path.isAbsolute() || !path.equals(path.normalize())) {
      throw new Refused("the stored path of this article is not a plain absolute path");
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new Refused("the original file is no longer there: " + path.getFileName());
    }
    if (!path.toRealPath().equals(path)) {
      throw new Refused(
          "the original file's path goes through a symbolic link; it is not"
              + " served (a link may lead outside the indexed folders)");
    }
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
        || Files.size(path) != source.sizeBytes()
        || Files.getLastModifiedTime(path).toMillis() != source.mtimeMs()) {
      throw new Refused("the original file has changed since it was indexed; index it again");
    }
    return path;
  }

  /**
   * The one zip entry that item key {@code key} names, or null when {@code file} is not a zip or no
   * single entry fits. The key is the member's name as the parser saw it, without its folders
   * ("/story.txt"); one with the parser's id appended ("/story.txt#/3") means the name was shared.
   */
  private static String zipEntry(Path file, String key) throws IOException {
    if (!key.startsWith("/") || key.contains("#")) {
      return null;
    }
    String name = key.substring(key.lastIndexOf('/') + 1);
    List<String> fits = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String entryName = entry.getName();
        if (!entry.isDirectory()
            && entryName.substring(entryName.lastIndexOf('/') + 1).equals(name)) {
          fits.add(entryName);
        }
      }
    } catch (ZipException notAZip) {
      return null;
    }
    return fits.size() == 1 ? fits.get(0) : null;
  }
}
