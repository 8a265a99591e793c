package org.dateline.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;

/**
 * Decodes the bytes of a text format (a feed, a wire item, a page) whatever its charset claims: a
 * byte-order mark wins, then the declared charset (UTF-8 when none is declared), but only if the
 * bytes really are valid in it; otherwise ICU's statistical detector decides, and Windows-1252
 * (what untagged Western newsroom text mostly is) when it cannot. A Latin-1 feed without a
 * declaration thus reads "perseguição", not "persegui��o". Stateless and thread-safe.
 */
public final class TextDecoder {

  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Charset FALLBACK = Charset.forName("windows-1252");

  private TextDecoder() {}

  /** The text of an XML document: BOM, then its XML declaration, then statistics. */
  public static String decodeXml(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    return decode(bytes, m.find() ? charset(m.group(1)) : null);
  }

  /**
   * The text of {@code bytes}, {@code declared} (may be null: UTF-8) if the bytes are valid in it.
   */
  public static String decode(byte[] bytes, Charset declared) {
    Charset bom = bom(bytes);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      return new String(bytes, skip, bytes.length - skip, bom);
    }
    Charset first = declared != null ? declared : StandardCharsets.UTF_8;
    String strict = strictly(bytes, first);
    if (strict != null) {
      return strict;
    }
    return new String(bytes, detect(bytes));
  }

  /** ICU's guess from the byte statistics, Windows-1252 when it has none. */
  static Charset detect(byte[] bytes) {
    try (ByteArrayInputStream in = new ByteArrayInputStream(bytes)) {
      // Told to ignore markup, ICU judges the text, not a declaration that may be the wrong one.
      Charset cs = new Icu4jEncodingDetector().detect(in, new Metadata());
      return cs == null ? FALLBACK : cs;
    } catch (IOException e) {
      return FALLBACK; // reading a byte array does not fail
    }
  }

  private static String strictly(byte[] bytes, Charset cs) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Charset bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** The charset of a declared name, or null when Java does not know it. */
  static Charset charset(String name) {
    try {
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }
}
