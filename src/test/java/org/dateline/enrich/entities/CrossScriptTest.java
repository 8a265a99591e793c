package org.dateline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names across scripts (issue 18): one consonant key from any script. */
class CrossScriptTest {

  @Test
  void latinSpellingsAndOtherScriptsMeetInOneKey() {
    assertEquals("bsrsd", CrossScript.key("Bashar al-Assad"));
    assertEquals("bsrsd", CrossScript.key("بشار الأسد"));
    assertEquals(CrossScript.key("Vladimir Putin"), CrossScript.key("Владимир Путин"));
  }

  @Test
  void spellingsThatDifferALittleAreOneNameAndOthersAreNot() {
    assertTrue(CrossScript.sameName("Мария Захарова", "Maria Zakharova"));
    assertTrue(CrossScript.sameName("الباغوز", "Baghouz"));
    assertTrue(CrossScript.sameName("Владимир Зеленский", "Volodymyr Zelensky"));
    assertFalse(CrossScript.sameName("Владимир Путин", "Sergei Lavrov"));
    assertFalse(CrossScript.sameName("دمشق", "Baghdad"));
  }
}
