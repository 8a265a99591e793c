package org.dateline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dateline.enrich.entities.CrossScript;

/**
 * Cross-script name matching (issue 18) on pair lists: recall is the share of true pairs (a name in
 * another script and the Latin spelling outlets print) that match; the false-match rate is the
 * share of all other pairings of the same lists (every other-script name against every Latin name
 * of another pair) that match.
 */
public final class NameBench {

  private NameBench() {}

  /** One pair of a list. */
  public record Pair(String other, String latin) {}

  /** The figures of one list, and the true pairs missed. */
  public record Result(
      String list,
      int pairs,
      double recall,
      long falseMatches,
      long negatives,
      double falseRate,
      List<Pair> missed) {}

  /** Reads "other-script TAB Latin" lines; "#" starts a comment. */
  public static List<Pair> read(Path file) throws IOException {
    List<Pair> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IOException("not 'name TAB Latin name': " + line);
      }
      out.add(new Pair(cols[0].strip(), cols[1].strip()));
    }
    return out;
  }

  public static Result run(String list, List<Pair> pairs) {
    List<String> otherKeys = pairs.stream().map(p -> CrossScript.key(p.other())).toList();
    List<String> latinKeys = pairs.stream().map(p -> CrossScript.key(p.latin())).toList();
    List<Pair> missed = new ArrayList<>();
    long falseMatches = 0;
    for (int i = 0; i < pairs.size(); i++) {
      if (!CrossScript.close(otherKeys.get(i), latinKeys.get(i))) {
        missed.add(pairs.get(i));
      }
      for (int j = 0; j < pairs.size(); j++) {
        if (i != j
            && !pairs.get(i).latin().equals(pairs.get(j).latin())
            && CrossScript.close(otherKeys.get(i), latinKeys.get(j))) {
          falseMatches++;
        }
      }
    }
    long negatives = (long) pairs.size() * (pairs.size() - 1);
    return new Result(
        list,
        pairs.size(),
        1.0 - missed.size() / (double) pairs.size(),
        falseMatches,
        negatives,
        falseMatches / (double) negatives,
        missed);
  }
}
