package org.dateline.alert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One thing an alert tells its owner: a new story matched ({@code kind} "story"), or another copy
 * of a story it already told of arrived ({@code kind} "update"), with the story as it now stands.
 * Events of an alert are numbered 1, 2, 3 ... ({@code seq}): the id of a server-sent event, the
 * position a client resumes from.
 *
 * @param article the article that made this event (the new copy, for an update)
 * @param firstArticle the story's first copy the alert saw, which the notification is about
 * @param outlets the outlets of the copies seen so far, the first copy's first
 * @param copies how many copies of the story the alert has seen
 * @param more "+N outlets": how many outlets besides the first copy's carry the story (empty: none)
 * @param periodStart for a digest ({@code kind} "digest", made when its period is over, {@code
 *     time} the period's end): the period's start; null otherwise
 * @param stories for a digest: the latest event of each story that matched in the period, in the
 *     order the stories first matched; null otherwise
 */
public record AlertEvent(
    String alert,
    long seq,
    String kind,
    String story,
    String article,
    String firstArticle,
    String title,
    String date,
    List<String> outlets,
    int copies,
    String more,
    Instant time,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant periodStart,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AlertEvent> stories) {

  public static final String STORY = "story";
  public static final String UPDATE = "update";
  public static final String DIGEST = "digest";

  public AlertEvent {
    outlets = List.copyOf(outlets);
    stories = stories == null ? null : List.copyOf(stories);
  }

  /** Whether this is a digest (rather than one match). */
  @JsonIgnore
  public boolean isDigest() {
    return DIGEST.equals(kind);
  }
}
