package org.dateline.search.kwic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.dateline.index.Schema;
import org.junit.jupiter.api.Test;

/**
 * Re-analysis for stems runs only when the query holds a stem of the article's language: without
 * one it could mark nothing, and with one it still marks the inflected forms.
 */
class KwicStemPassTest {

  private static final String TEXT = "Miners strike again; the striking miners struck.";

  @Test
  void exactWordsAloneMarkOnlyThemselves() {
    Set<BytesRef> terms = Set.of(new BytesRef("strike"), new BytesRef("miners"));
    assertFalse(Kwic.anyStartsWith(terms, Schema.stemTag("en")));
    assertEquals(
        List.of(List.of(0, 6), List.of(7, 13), List.of(34, 40)),
        asLists(Kwic.termSpans(terms, TEXT, "en")));
  }

  @Test
  void aStemOfTheLanguageMarksItsInflections() {
    Set<BytesRef> terms = Set.of(new BytesRef("strike"), new BytesRef("en:strike"));
    assertTrue(Kwic.anyStartsWith(terms, Schema.stemTag("en")));
    assertFalse(Kwic.anyStartsWith(terms, Schema.stemTag("fr")));
    assertEquals(
        List.of(List.of(7, 13), List.of(25, 33)), asLists(Kwic.termSpans(terms, TEXT, "en")));
  }

  private static List<List<Integer>> asLists(List<int[]> spans) {
    List<List<Integer>> out = new ArrayList<>();
    for (int[] span : spans) {
      out.add(List.of(span[0], span[1]));
    }
    return out;
  }
}
