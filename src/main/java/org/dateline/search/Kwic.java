package org.dateline.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Weight;
import org.dateline.index.Schema;

/**
 * Builds keyword-in-context lines from the offsets the Matches API reads out of the postings: a
 * phrase or proximity query yields one span for the whole match, so {@code match} is exactly the
 * text that matched. Stateless.
 */
public final class Kwic {

  /** Characters of context wanted on each side, before cutting back to a word boundary. */
  public static final int CONTEXT_CHARS = 60;

  private Kwic() {}

  /** The matches of one hit, as lines, plus the total number of matches. */
  public record Result(List<KwicLine> lines, int total) {}

  /** Reads the body matches of {@code docInLeaf} and turns the first {@code maxLines} into lines. */
  public static Result forHit(
      Weight weight, LeafReaderContext leaf, int docInLeaf, String text, int maxLines)
      throws IOException {
    List<int[]> spans = spans(weight, leaf, docInLeaf);
    List<KwicLine> lines = new ArrayList<>(Math.min(maxLines, spans.size()));
    for (int i = 0; i < spans.size() && lines.size() < maxLines; i++) {
      int[] span = spans.get(i);
      lines.add(line(text, span[0], span[1]));
    }
    return new Result(lines, spans.size());
  }

  /** Match spans in offset order, overlapping spans merged (a catenated token and its parts). */
  static List<int[]> spans(Weight weight, LeafReaderContext leaf, int docInLeaf)
      throws IOException {
    Matches matches = weight.matches(leaf, docInLeaf);
    if (matches == null) {
      return List.of();
    }
    MatchesIterator it = matches.getMatches(Schema.BODY);
    if (it == null) {
      return List.of();
    }
    List<int[]> raw = new ArrayList<>();
    while (it.next()) {
      if (it.startOffset() >= 0) {
        raw.add(new int[] {it.startOffset(), it.endOffset()});
      }
    }
    raw.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> merged = new ArrayList<>(raw.size());
    for (int[] span : raw) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span[0] < last[1]) {
        last[1] = Math.max(last[1], span[1]);
      } else {
        merged.add(span);
      }
    }
    return merged;
  }

  /** One line around {@code [start, end)}, context cut at word boundaries and made single-line. */
  public static KwicLine line(String text, int start, int end) {
    int leftFrom = Math.max(0, start - CONTEXT_CHARS);
    if (leftFrom > 0) {
      int space = indexOfSpace(text, leftFrom, start);
      leftFrom = space < 0 ? leftFrom : space + 1;
    }
    int rightTo = Math.min(text.length(), end + CONTEXT_CHARS);
    if (rightTo < text.length()) {
      int space = lastIndexOfSpace(text, end, rightTo);
      rightTo = space < 0 ? rightTo : space;
    }
    return new KwicLine(
        flatten(text.substring(leftFrom, start)),
        flatten(text.substring(start, end)),
        flatten(text.substring(end, rightTo)),
        start);
  }

  private static int indexOfSpace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOfSpace(String text, int from, int to) {
    for (int i = to; i > from; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Line breaks and runs of white space become one space, so a line prints on one line. */
  static String flatten(String s) {
    // A hand loop, not replaceAll: this runs for every KWIC line of every hit.
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = isRegexSpace(c);
      if (space && (c != ' ' || (i + 1 < s.length() && isRegexSpace(s.charAt(i + 1))))) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < s.length() && isRegexSpace(s.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** What the regex class \\s matches: space, tab, line feed, vertical tab, form feed, return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
