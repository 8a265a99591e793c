package org.dateline.enrich.entities;

import java.util.HashMap;
import java.util.Map;

/**
 * The abbreviations of U.S. state names that American wire copy prints after a town ("SAN JOSE,
 * Calif.", "Newark, N.J."): the Associated Press style and its older variants. Only the written
 * form with its full stops counts, and only for a mention typed a place, so "LA" (Los Angeles),
 * "PA" (the Press Association) and "Miss Smith" keep their meanings. Stateless.
 */
final class StateAbbreviations {

  private static final Map<String, String> STATES = new HashMap<>();

  static {
    state("Alabama", "Ala.");
    state("Arizona", "Ariz.");
    state("Arkansas", "Ark.");
    state("California", "Calif.", "Cal.");
    state("Colorado", "Colo.");
    state("Connecticut", "Conn.");
    state("Delaware", "Del.");
    state("Florida", "Fla.");
    state("Georgia", "Ga.");
    state("Illinois", "Ill.");
    state("Indiana", "Ind.");
    state("Kansas", "Kan.", "Kans.");
    state("Kentucky", "Ky.");
    state("Louisiana", "La.");
    state("Maryland", "Md.");
    state("Massachusetts", "Mass.");
    state("Michigan", "Mich.");
    state("Minnesota", "Minn.");
    state("Mississippi", "Miss.");
    state("Missouri", "Mo.");
    state("Montana", "Mont.");
    state("Nebraska", "Neb.", "Nebr.");
    state("Nevada", "Nev.");
    state("New Hampshire", "N.H.");
    state("New Jersey", "N.J.");
    state("New Mexico", "N.M.", "N.Mex.");
    state("New York", "N.Y.");
    state("North Carolina", "N.C.");
    state("North Dakota", "N.D.", "N.Dak.");
    state("Oklahoma", "Okla.");
    state("Oregon", "Ore.", "Oreg.");
    state("Pennsylvania", "Pa.", "Penn.");
    state("Rhode Island", "R.I.");
    state("South Carolina", "S.C.");
    state("South Dakota", "S.D.", "S.Dak.");
    state("Tennessee", "Tenn.");
    state("Texas", "Tex.");
    state("Vermont", "Vt.");
    state("Virginia", "Va.");
    state("Washington", "Wash.");
    state("West Virginia", "W.Va.", "W. Va.");
    state("Wisconsin", "Wis.", "Wisc.");
    state("Wyoming", "Wyo.");
  }

  private StateAbbreviations() {}

  private static void state(String name, String... abbreviations) {
    for (String a : abbreviations) {
      STATES.put(a, name);
    }
  }

  /**
   * The state a place mention written as an abbreviation names ("Calif." gives "California"), or
   * null. The full stop may be outside the mention where it also ends the sentence ("plant in
   * Oakland, Calif.").
   */
  static String expand(String text, Mention m) {
    String written = m.text();
    if (!written.endsWith(".")) {
      if (m.end() >= text.length() || text.charAt(m.end()) != '.') {
        return null;
      }
      written = written + ".";
    }
    return STATES.get(written);
  }
}
