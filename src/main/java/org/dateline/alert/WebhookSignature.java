package org.dateline.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as the Standard Webhooks scheme makes them: the secret is {@code whsec_} and a
 * random key in base64; a message's signature is {@code v1,} and the base64 HMAC-SHA256, keyed with
 * that key, of {@code id.timestamp.body} (the {@code webhook-id}, the {@code webhook-timestamp} in
 * epoch seconds, the exact body bytes). A receiver recomputes it and refuses a message whose
 * timestamp is further than its tolerance from its own clock (a replay). Thread- safe: stateless.
 */
public final class WebhookSignature {

  /** The prefix of a secret. */
  public static final String SECRET_PREFIX = "whsec_";

  /** How far a timestamp may be from the receiver's clock, as the scheme recommends. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: 24 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header of a message. */
  public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id, timestampSeconds, body));
  }

  /**
   * Whether a received message is genuine: one of the space-separated signatures in {@code
   * signatureHeader} matches, and its timestamp is within {@link #TOLERANCE} of {@code now}.
   */
  public static boolean verify(
      String secret,
      String id,
      String timestampHeader,
      String signatureHeader,
      byte[] body,
      Instant now) {
    long ts;
    try {
      ts = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE.toSeconds() || signatureHeader == null) {
      return false;
    }
    byte[] expected = hmac(secret, id, ts, body);
    for (String sig : signatureHeader.strip().split(" ")) {
      if (!sig.startsWith("v1,")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(sig.substring(3));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] hmac(String secret, String id, long timestampSeconds, byte[] body) {
    String base64 = secret.startsWith(SECRET_PREFIX) ? secret.substring(6) : secret;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64), "HmacSHA256"));
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
