package org.dateline.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * A JSON answer written by Jackson straight into UTF-8 bytes. Javalin's {@code ctx.json} has the
 * mapper write a {@code String} (characters), which it then encodes into a second array of bytes:
 * two copies of an 11 KB search answer, and a pass of the charset encoder over it, on every search.
 *
 * <p>The bytes are the same. Jackson's UTF-8 writer escapes as its character writer does; told to
 * ({@link JsonWriteFeature#COMBINE_UNICODE_SURROGATES_IN_UTF8}), it writes a character beyond the
 * BMP as its four UTF-8 bytes, as {@code String.getBytes(UTF_8)} does (by default it would write
 * two {@code \\u} escapes). A lone surrogate (half of such a character, which a broken source can
 * leave in a text) is the one case left: the character path encodes it as {@code ?}, the UTF-8
 * writer as a {@code \\uD8xx}-{@code \\uDFxx} escape, which the character path never writes; an
 * answer holding one is written again by the character path. The answer is still whole before a
 * byte is sent (headers can follow it; an error is still mapped).
 */
final class JsonBody {

  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  JsonBody(ObjectMapper mapper) {
    this.mapper = mapper;
    this.writer = mapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
  }

  /** Sets {@code value} as the answer of {@code ctx}, as {@code ctx.json(value)} would. */
  void send(Context ctx, Object value) throws JsonProcessingException {
    ctx.contentType(ContentType.APPLICATION_JSON);
    ctx.result(bytes(value));
  }

  /** {@code value} as the bytes {@code ctx.json(value)} sends. */
  byte[] bytes(Object value) throws JsonProcessingException {
    byte[] utf8 = writer.writeValueAsBytes(value);
    return escapesASurrogate(utf8)
        ? mapper.writeValueAsString(value).getBytes(StandardCharsets.UTF_8)
        : utf8;
  }

  /**
   * Whether {@code json} holds a {@code \\u} escape of a surrogate (D800-DFFF). Every backslash in
   * JSON text starts an escape, so a left-to-right walk that steps over each escape's next byte
   * never takes an escaped backslash ({@code \\\\uD800}, the text "\\uD800") for one.
   */
  static boolean escapesASurrogate(byte[] json) {
    for (int i = 0; i < json.length - 1; i++) {
      if (json[i] != '\\') {
        continue;
      }
      if (json[i + 1] == 'u' && i + 3 < json.length && (json[i + 2] | 0x20) == 'd') {
        int third = json[i + 3] | 0x20;
        if ((third >= '8' && third <= '9') || (third >= 'a' && third <= 'f')) {
          return true;
        }
      }
      i++; // the escaped byte: never the start of an escape
    }
    return false;
  }
}
