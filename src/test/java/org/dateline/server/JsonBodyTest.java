package org.dateline.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link JsonBody} sends the bytes Javalin's {@code ctx.json} sent: String, then UTF-8. */
class JsonBodyTest {

  private final ObjectMapper mapper = ApiServer.jsonMapper();
  private final JsonBody body = new JsonBody(mapper);

  private byte[] javalins(Object value) throws Exception {
    return mapper.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sameBytesAsTheCharacterPath() throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("ascii", "oil prices \"rose\" \\ / \t\n\r\u0001\u001f\u007f");
    v.put("latin", "Zürich, São Paulo, Œuvre, ﬁ");
    v.put("scripts", "Москва 東京 القاهرة ירושלים हिन्दी");
    v.put("astral", "😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀");
    v.put("separators", "a\u2028b\u2029c\u00a0d\ufeffe\ufffd");
    v.put("date", LocalDate.of(1987, 3, 9));
    v.put("nothing", null);
    v.put("numbers", List.of(1, -2.5, 1e300, Long.MAX_VALUE));
    v.put("longText", "Reuters ".repeat(5_000) + "é".repeat(3_000));
    assertArrayEquals(javalins(v), body.bytes(v));
  }

  @Test
  void anEscapedBackslashIsNotTheStartOfAnEscape() throws Exception {
    Map<String, Object> v = Map.of("q", "C:\\uD800 and \\\\uDFFF \u00e9");
    assertArrayEquals(javalins(v), body.bytes(v));
    assertFalse(JsonBody.escapesASurrogate(mapper.writeValueAsBytes(v)));
    assertTrue(JsonBody.escapesASurrogate("\"a\\\\\\udbff\"".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aLoneSurrogateIsAnsweredAsTheCharacterPathAnswersIt() throws Exception {
    for (String s : List.of("a\ud800b", "end\udc00", "\ud83d", "x\udbff\udbffy")) {
      Map<String, Object> v = Map.of("title", s);
      byte[] expected = javalins(v);
      assertTrue(new String(expected, StandardCharsets.UTF_8).contains("?"), s);
      assertArrayEquals(expected, body.bytes(v), s);
    }
  }
}
