package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShownPathTest {

  @Test
  void aPathShowsBelowTheDeepestRootHoldingItWithThatRootsName() {
    List<String> roots = List.of("/srv/news", "/srv/news/wires", "/data/seeds");
    assertEquals("seeds/004_x.txt", ShownPath.of("/data/seeds/004_x.txt", roots));
    assertEquals("news/2024/a.txt", ShownPath.of("/srv/news/2024/a.txt", roots));
    assertEquals("wires/afp/b.xml", ShownPath.of("/srv/news/wires/afp/b.xml", roots));
  }

  @Test
  void aRootThatIsOneFileShowsItsName() {
    assertEquals("one.txt", ShownPath.of("/data/one.txt", List.of("/data/one.txt")));
  }

  @Test
  void aPathUnderNoKnownRootShowsItsFileNameAlone() {
    assertEquals("c.txt", ShownPath.of("/elsewhere/deep/c.txt", List.of("/srv/news")));
    assertEquals("c.txt", ShownPath.of("/srv/newsroom/c.txt", List.of("/srv/news")));
    assertEquals("c.txt", ShownPath.of("/srv/c.txt", List.of()));
  }
}
