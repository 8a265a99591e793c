package org.dateline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small texts of our own for the story tests: a wire story in four paragraphs, and its copies. */
public final class StoryFixtures {

  /** Four paragraphs of 29, 28, 27 and 25 words (109 words, 105 distinct 5-word shingles). */
  public static final String WIRE =
      String.join(
          "\n\n",
          "The harbour authority said on Tuesday it would close the northern quay for three weeks"
              + " while engineers repair storm damage to the sea wall and the old grain terminal.",
          "Ferries will use the southern berths during the work, which is expected to cost about"
              + " four million euros, a spokeswoman for the authority told reporters at the port.",
          "Fishermen who land their catch at the northern quay said the closure came at the worst"
              + " time of the season and asked the city council for compensation.",
          "The council is due to discuss the request at its next meeting, on the first Monday of"
              + " the month, after the budget committee has reported.");

  /** A local paragraph of 19 words an outlet adds at the end. */
  public static final String LOCAL =
      "In our town, the ferry to the islands will leave from berth"
          + " nine until the end of the month.";

  /** An unrelated story of 61 words. */
  public static final String OTHER =
      "A court in the capital on Wednesday sentenced two former"
          + " bank managers to four years in prison for fraud, after a trial that lasted eight months"
          + " and heard more than sixty witnesses, among them the bank's former chairman and several"
          + " of its auditors. The judge said the two men had hidden losses from the board for years.";

  private StoryFixtures() {}

  /** The wire story's paragraph {@code i} (0 to 3). */
  public static String paragraph(int i) {
    return WIRE.split("\n\n")[i];
  }

  /** Writes {@code dir/name} as a plain-text article: title, blank line, body. */
  public static Path write(Path dir, String name, String title, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, title + "\n\n" + body);
  }

  /** Writes the sidecar of {@code name} giving its outlet and date. */
  public static void sidecar(Path dir, String name, String outlet, String date) throws IOException {
    Files.writeString(
        dir.resolve(name + ".meta.json"),
        "{\"outlet\": \"" + outlet + "\", \"date\": \"" + date + "\"}");
  }
}
