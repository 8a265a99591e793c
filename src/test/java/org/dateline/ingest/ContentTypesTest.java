package org.dateline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The type facet names kinds of file in a newsroom's words, never a raw MIME type it knows. */
class ContentTypesTest {

  @Test
  void officeAndDataFilesGetShortNames() {
    assertEquals("word", ContentTypes.label("application/msword"));
    assertEquals(
        "slides",
        ContentTypes.label(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"));
    assertEquals("slides", ContentTypes.label("application/vnd.ms-powerpoint"));
    assertEquals(
        "spreadsheet",
        ContentTypes.label("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assertEquals("xml", ContentTypes.label("application/xml; charset=UTF-8"));
    assertEquals("json", ContentTypes.label("application/json"));
    // a type without a name keeps its MIME base type rather than none
    assertEquals("image/png", ContentTypes.label("image/png"));
    assertEquals("unknown", ContentTypes.label(null));
  }
}
