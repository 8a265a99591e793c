package org.dateline.solr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.dateline.search.kwic.Kwic;
import org.junit.jupiter.api.Test;

/** KWIC spans from the highlighter's marks. */
class SolrHitsTest {

  private static final char S = SolrQueries.MATCH_START;
  private static final char E = SolrQueries.MATCH_END;

  @Test
  void marksBecomeOffsetsIntoTheArticlesText() {
    String text = "Cocoa prices rose. The cocoa crop in Ghana is late.";
    String marked =
        S + "Cocoa" + E + " prices rose. The " + S + "cocoa crop" + E + " in Ghana is late.";
    List<int[]> spans = SolrHits.spans(marked, text);
    assertEquals(2, spans.size());
    assertArrayEquals(new int[] {0, 5}, spans.get(0));
    assertArrayEquals(new int[] {23, 33}, spans.get(1));
    assertEquals("cocoa crop", Kwic.line(text, 23, 33).match());
    assertEquals("Cocoa prices rose. The ", Kwic.line(text, 23, 33).left());
  }

  @Test
  void noSpansWhenTheUnmarkedTextIsNotTheArticles() {
    assertEquals(List.of(), SolrHits.spans(S + "oil" + E + " price", "gas price"));
    assertEquals(List.of(), SolrHits.spans(Map.of(), "gas price"));
    assertEquals(List.of(), SolrHits.spans((Map<String, List<String>>) null, "gas price"));
  }
}
