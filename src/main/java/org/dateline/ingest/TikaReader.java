package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.xml.sax.SAXException;

/**
 * The general path: any format Tika knows (PDF, Word, ODT, RTF, EPUB, e-mail, mbox, archives ...),
 * parsed recursively so that containers (mbox, zip, tar) yield one article per member, while an
 * ordinary document yields one article. Thread-safe: the parser is shared, handlers are per call.
 */
public final class TikaReader {

  /** Types whose members are the articles (the container itself is only a listing). */
  private static final Set<String> CONTAINERS =
      Set.of(
          "application/mbox",
          "application/zip",
          "application/x-tar",
          "application/gzip",
          "application/x-gzip",
          "application/x-bzip2",
          "application/x-7z-compressed",
          "application/x-rar-compressed",
          "application/vnd.rar",
          "application/warc",
          "application/x-internet-archive",
          "application/vnd.ms-outlook-pst",
          "application/x-gtar",
          "application/x-compress");

  private static final int MAX_EMBEDDED = 10_000;

  private final AutoDetectParser parser = new AutoDetectParser();
  private final int maxArticleChars;

  public TikaReader(int maxArticleChars) {
    this.maxArticleChars = maxArticleChars;
  }

  public List<SourceDoc> read(InputStream in, Metadata metadata) throws ParseException {
    RecursiveParserWrapperHandler handler =
        new RecursiveParserWrapperHandler(
            new BasicContentHandlerFactory(
                BasicContentHandlerFactory.HANDLER_TYPE.TEXT,
                maxArticleChars,
                false,
                new ParseContext()),
            MAX_EMBEDDED);
    try {
      new RecursiveParserWrapper(parser).parse(in, handler, metadata, new ParseContext());
    } catch (EncryptedDocumentException e) {
      throw new ParseException(FailureKind.ENCRYPTED, "encrypted or password-protected", e);
    } catch (ZeroByteFileException e) {
      throw new ParseException(FailureKind.EMPTY, "the file is empty", e);
    } catch (TikaException e) {
      throw classify(e);
    } catch (SAXException e) {
      throw new ParseException(FailureKind.CORRUPT, "malformed content: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ParseException(FailureKind.CORRUPT, "cannot read: " + e.getMessage(), e);
    }
    return articles(handler.getMetadataList());
  }

  private static ParseException classify(TikaException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
        return new ParseException(
            FailureKind.TOO_LARGE,
            "a zip bomb: it expands far beyond its own"
                + " size or nests too deeply (Tika's decompression-ratio and depth limits)",
            e);
      }
      String name = t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
      String msg = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (t instanceof EncryptedDocumentException
          || name.contains("encrypt")
          || name.contains("password")
          || msg.contains("password")
          || msg.contains("encrypt")) {
        return new ParseException(FailureKind.ENCRYPTED, "encrypted or password-protected", e);
      }
    }
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    return new ParseException(FailureKind.CORRUPT, "cannot parse: " + message, e);
  }

  /**
   * Picks the articles out of the recursive list: members of containers, or the document itself.
   */
  private static List<SourceDoc> articles(List<Metadata> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    // Tika's resource path names a member without its folders ("a/x.txt" and "b/x.txt" are both
    // "/x.txt"), so the tree is walked by the embedded id path, which is unique, and a member whose
    // resource path is already taken gets its id path added: item keys (hence article ids) stay
    // unique within a file.
    Map<String, String> typeById = new HashMap<>();
    for (Metadata md : list) {
      String id = md.get(TikaCoreProperties.EMBEDDED_ID_PATH);
      typeById.put(id == null ? "" : id, baseType(md));
    }
    List<SourceDoc> docs = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Metadata md = list.get(i);
      String path = md.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
      String id = md.get(TikaCoreProperties.EMBEDDED_ID_PATH);
      boolean isContainer = CONTAINERS.contains(baseType(md));
      boolean parentIsContainer = i > 0 && CONTAINERS.contains(typeById.get(parent(id)));
      if (!isContainer && (i == 0 || parentIsContainer)) {
        String key = i == 0 ? "" : keys.add(path) ? path : path + "#" + id;
        docs.add(toSourceDoc(md, key));
      }
    }
    return docs;
  }

  private static String parent(String path) {
    if (path == null) {
      return "";
    }
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "" : path.substring(0, slash);
  }

  private static String baseType(Metadata md) {
    String type = md.get(Metadata.CONTENT_TYPE);
    return type == null ? "" : type.split(";", 2)[0].strip();
  }

  /** Types of a web page saved with its parts in one MIME file (MHTML, .mht). */
  private static final Set<String> SAVED_PAGES =
      Set.of("multipart/related", "application/x-mimearchive");

  /** The date source of a mail's Date header. */
  public static final String MAIL_DATE = "e-mail Date header";

  /** The date source of a document's creation time in its own properties. */
  public static final String DOCUMENT_CREATED = "document created (embedded metadata)";

  private static SourceDoc toSourceDoc(Metadata md, String key) {
    List<MetaValue> dates = new ArrayList<>();
    // A mail's created time is its Date header, when it was sent; a document's is when it was
    // made, the nearest to a publication date its properties state (none states one; the time a
    // file was last changed, on disk or in its properties, is never taken)
    boolean mail = md.get("Message:Raw-Header:Date") != null || md.get("Message-From") != null;
    String source = mail ? MAIL_DATE : DOCUMENT_CREATED;
    // A web page a browser saved as MHTML is a mail in form only: its Date header is when the
    // page was saved (a capture date, as a WARC's), its From the browser ("Saved by Mozilla 5.0")
    boolean savedPage = SAVED_PAGES.contains(baseType(md));
    for (String field :
        List.of(
            TikaCoreProperties.CREATED.getName(),
            "Message:Raw-Header:Date",
            "pdf:docinfo:created",
            "meta:creation-date")) {
      String value = md.get(field);
      if (value != null && !value.isBlank() && !savedPage) {
        dates.add(new MetaValue(value, source));
      }
    }
    List<String> authors = new ArrayList<>();
    List<String> authorFields =
        savedPage ? List.of() : List.of(TikaCoreProperties.CREATOR.getName(), "Message-From");
    for (String field : authorFields) {
      for (String value : md.getValues(field)) {
        if (!value.isBlank() && !authors.contains(value.strip())) {
          authors.add(value.strip());
        }
      }
    }
    String title = md.get(TikaCoreProperties.TITLE);
    if (title == null) {
      title = md.get("dc:subject");
    }
    String url = md.get("Content-Location");
    if (url == null && savedPage) {
      // the address the page was saved from, which MHTML gives in its top headers
      url = md.get("Message:Raw-Header:Content-Location");
    }
    String text = TextNormalizer.normalize(md.get(TikaCoreProperties.TIKA_CONTENT));
    return new SourceDoc(
        key,
        title,
        text,
        ContentTypes.label(baseType(md)),
        url,
        LanguageGuesser.normalize(md.get(TikaCoreProperties.LANGUAGE)),
        dates,
        List.of(),
        authors,
        List.of());
  }
}
