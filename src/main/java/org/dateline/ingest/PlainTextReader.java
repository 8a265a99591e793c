package org.dateline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Reads a plain-text file (a wire story saved as .txt, a transcript) as one article. Most such
 * files are UTF-8 or plain ASCII, so the text is decoded as strict UTF-8 first, which costs almost
 * nothing; only a file that is not valid UTF-8 pays for Tika's charset detection (BOM, then the ICU
 * and universal detectors). Reading stops at the per-article text limit, so a 200 MB log holds at
 * most that many characters in memory. Thread-safe.
 */
public final class PlainTextReader {

  private static final EncodingDetector ENCODINGS =
      TikaConfig.getDefaultConfig().getEncodingDetector();

  private final int maxArticleChars;

  public PlainTextReader(int maxArticleChars) {
    this.maxArticleChars = maxArticleChars;
  }

  /** The file's one article (possibly blank: the caller reports a file without text). */
  public List<SourceDoc> read(Path file) throws ParseException {
    String text;
    try {
      text = readUtf8(file);
    } catch (CharacterCodingException notUtf8) {
      text = readDetected(file);
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
    return List.of(
        new SourceDoc(
            "",
            null,
            TextNormalizer.normalize(text),
            ContentTypes.label("text/plain"),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of()));
  }

  private String readUtf8(Path file) throws IOException {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = Files.newInputStream(file)) {
      return upToLimit(new java.io.InputStreamReader(in, strict));
    }
  }

  private String readDetected(Path file) throws ParseException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Charset charset = ENCODINGS.detect(in, metadata);
      // No detector was sure: Windows-1252 is what untagged Western newsroom text mostly is.
      Charset use = charset != null ? charset : Charset.forName("windows-1252");
      return upToLimit(new java.io.InputStreamReader(in, use));
    } catch (IOException e) {
      throw new ParseException(FailureKind.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private String upToLimit(Reader reader) throws IOException {
    StringBuilder out = new StringBuilder(8192);
    char[] buf = new char[8192];
    for (int n; out.length() < maxArticleChars && (n = reader.read(buf)) >= 0; ) {
      out.append(buf, 0, Math.min(n, maxArticleChars - out.length()));
    }
    // A leading byte-order mark is not text.
    if (!out.isEmpty() && out.charAt(0) == '\uFEFF') {
      out.deleteCharAt(0);
    }
    return out.toString();
  }
}
