package org.dateline.index;

import java.util.HexFormat;
import org.apache.lucene.util.BytesRef;
import org.dateline.enrich.Article;
import org.dateline.enrich.story.Fingerprint;

/**
 * What an article is written with about its story: the story's id and the article's own
 * fingerprint. A story's id is derived from the id of the article that began it, so rebuilding the
 * stories in the same order gives the same ids. Immutable.
 */
public record StoryStamp(long story, Fingerprint fingerprint) {

  /** The stamp of an article that begins a story of its own. */
  public static StoryStamp alone(Article article) {
    return new StoryStamp(storyIdOf(article.id()), Fingerprint.of(article.title(), article.text()));
  }

  /**
   * The stamp of an article of story {@code story} whose text the index holds already: the same
   * MinHash values and exact hash as {@link #alone}'s, nothing read for verifying copies.
   */
  public static StoryStamp stored(Article article, long story) {
    return new StoryStamp(story, Fingerprint.hashesOf(article.title(), article.text()));
  }

  /**
   * The stamp of an article of story {@code story} written again as the index holds it, from its
   * stored {@link Schema#MINHASH_VALUES} ({@link MinHashTerms#packed}): the same story fields as
   * {@link #stored}'s (the index keeps only those bits of each value, and a text with MinHash
   * values has no exact hash), without reading the text again.
   */
  public static StoryStamp kept(long story, BytesRef packedValues) {
    return new StoryStamp(
        story,
        new Fingerprint(
            new long[0], new long[0], new long[0], MinHashTerms.unpacked(packedValues), 0));
  }

  /** The id of the story an article with id {@code articleId} would begin. */
  public static long storyIdOf(String articleId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < articleId.length(); i++) {
      h = (h ^ articleId.charAt(i)) * 0x100000001B3L;
    }
    // The SplitMix64 finaliser, so that similar article ids give unrelated story ids.
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  /** A story id as the API spells it: 16 hex digits. */
  public static String format(long story) {
    return HexFormat.of().toHexDigits(story);
  }

  /** The story id of {@link #format}'s text, or null when {@code text} is not one. */
  public static Long parse(String text) {
    if (text == null || text.length() != 16 || !HexFormat.isHexDigit(text.charAt(0))) {
      return null;
    }
    try {
      return HexFormat.fromHexDigitsToLong(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
