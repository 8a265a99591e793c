package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpBenchMixTest {

  @Test
  void theHttpBenchReadsMixLinesAndSendsNoKind() {
    assertEquals(
        "q=%22bank+of+japan%22&place=japan&from=1987-03-02&to=1987-03-08",
        HttpBench.queryString(
            "\"bank of japan\" | kind=phrase-title/one-filter | place=japan | from=1987-03-02"
                + " | to=1987-03-08",
            1));
  }
}
