package org.dateline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The relative links of a Markdown file that find no file, or no heading in the file they name. */
public final class MarkdownLinks {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

  private MarkdownLinks() {}

  /** Each broken link of the file as "target" or "target (no such heading)". */
  public static List<String> broken(Path file) throws IOException {
    List<String> broken = new ArrayList<>();
    Matcher link = LINK.matcher(Files.readString(file));
    while (link.find()) {
      String target = link.group(1);
      if (target.contains("://") || target.startsWith("mailto:")) {
        continue;
      }
      int hash = target.indexOf('#');
      String path = hash < 0 ? target : target.substring(0, hash);
      Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
      if (!Files.exists(resolved)) {
        broken.add(target);
      } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
        broken.add(target + " (no such heading)");
      }
    }
    return broken;
  }

  /** GitHub's anchors of a Markdown file's headings. */
  private static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new HashSet<>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    Matcher heading = HEADING.matcher(Files.readString(file));
    while (heading.find()) {
      anchors.add(
          heading
              .group(1)
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }
}
