package org.dateline.enrich.entities;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The abbreviations of U.S. state names that American wire copy prints after a town ("SAN JOSE,
 * Calif.", "Newark, N.J."): the Associated Press style and its older variants. Only the written
 * form with its full stops counts, and only for a mention typed a place, so "LA" (Los Angeles),
 * "PA" (the Press Association) and "Miss Smith" keep their meanings. Reuters drops the stop
 * ("Boulder, Colo, said", "Jim Wright (D-Tex)"): that form counts where only a state can stand, see
 * {@link #unstopped}. Stateless.
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
    return lookup(written);
  }

  /**
   * The state of an abbreviation with its stop, as written or in capitals ("COLO."; not the
   * two-letter ones, "LA." being Los Angeles as often as Louisiana), or null.
   */
  private static String lookup(String abbreviation) {
    String state = STATES.get(abbreviation);
    if (state == null
        && abbreviation.length() > 3
        && abbreviation.equals(abbreviation.toUpperCase(Locale.ROOT))) {
      String lower = abbreviation.toLowerCase(Locale.ROOT);
      state = STATES.get(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    }
    return state;
  }

  /**
   * The state an abbreviation written without its stop names where only a state can stand, or null:
   * after a party's letter ("D-Tex", "(R-Kan)") or after a town and a comma ("Boulder, Colo,"), and
   * followed by punctuation or the end of a line. The model often reads such a word as a person's
   * name.
   */
  static String unstopped(String text, Mention m) {
    String written = m.text();
    int start = m.start();
    boolean party = written.length() > 2 && isParty(written, 0);
    if (party) {
      written = written.substring(2);
    } else {
      party =
          start >= 2 && isParty(text, start - 2) && (start == 2 || !isWordChar(text, start - 3));
    }
    String state = written.endsWith(".") ? null : lookup(written + ".");
    int end = m.end();
    if (state == null || (end < text.length() && ",.;:)\n".indexOf(text.charAt(end)) < 0)) {
      return null;
    }
    boolean afterTown =
        start >= 3
            && text.charAt(start - 1) == ' '
            && text.charAt(start - 2) == ','
            && Character.isLetter(text.charAt(start - 3));
    return party || afterTown ? state : null;
  }

  private static boolean isParty(String s, int at) {
    return "DRI".indexOf(s.charAt(at)) >= 0 && s.charAt(at + 1) == '-';
  }

  private static boolean isWordChar(String s, int at) {
    return Character.isLetterOrDigit(s.charAt(at));
  }
}
