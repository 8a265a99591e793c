package org.dateline.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dateline.StoryFixtures;
import org.dateline.TestIndexes;
import org.dateline.config.Config;
import org.dateline.pipeline.LiveIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks to a real receiver on this machine: the receiver refuses the first two attempts, then
 * takes the third; the three carry the same {@code webhook-id}, each its own timestamp, and a
 * signature that the receiver checks with {@code javax.crypto} alone (Standard Webhooks); a
 * tampered body or a stale timestamp fails that check; the failures show on the alert.
 */
class WebhookDeliveryTest {

  @TempDir Path tmp;

  /** A request as the receiver got it. */
  record Received(String id, String timestamp, String signature, byte[] body) {}

  /** The receiver's own check: HMAC-SHA256 of id.timestamp.body, timestamp within 5 minutes. */
  static boolean receiverAccepts(String secret, Received r, Instant now) throws Exception {
    long ts = Long.parseLong(r.timestamp());
    if (Math.abs(now.getEpochSecond() - ts) > 300) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    mac.update((r.id() + "." + r.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
    String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
    return List.of(r.signature().split(" ")).contains(expected);
  }

  @Test
  void signedRetriedWithTheSameIdAndFailuresShown() throws Exception {
    List<Received> got = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          got.add(
              new Received(
                  ex.getRequestHeaders().getFirst("webhook-id"),
                  ex.getRequestHeaders().getFirst("webhook-timestamp"),
                  ex.getRequestHeaders().getFirst("webhook-signature"),
                  body));
          ex.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 500 : 204, -1);
          ex.close();
        });
    receiver.start();
    Config config = TestIndexes.config(tmp.resolve("index")).withEntities(false);
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path file = StoryFixtures.write(in, "a.txt", "Northern quay to close", StoryFixtures.WIRE);
    try (LiveIndex live = LiveIndex.open(config, new PrintWriter(new StringWriter()));
        Alerts alerts = Alerts.open(config.indexDir(), config.limits(), Duration.ofMillis(100))) {
      live.hook(alerts);
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      AlertStatus made =
          alerts.create("write key 1", new AlertSpec("quay", "quay", null, null, null, url, 0));
      String secret = made.webhook().secret();
      assertTrue(secret.startsWith("whsec_"), secret);
      live.add(List.of(file));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (alerts.get("write key 1", made.id()).webhook().delivered() < 1
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      AlertStatus.WebhookStatus hook = alerts.get("write key 1", made.id()).webhook();
      assertEquals(1, hook.delivered());
      assertEquals(0, hook.waiting());
      assertEquals("the receiver answered HTTP 500", hook.lastError());
      assertEquals(3, got.size());
      assertEquals(1, got.stream().map(Received::id).distinct().count(), "one id per event");
      assertEquals("msg_" + made.id() + "_1", got.get(0).id());
      for (Received r : got) {
        assertTrue(receiverAccepts(secret, r, Instant.now()), r.toString());
        assertTrue(
            WebhookSignature.verify(
                secret, r.id(), r.timestamp(), r.signature(), r.body(), Instant.now()));
      }
      JsonNode body = new ObjectMapper().readTree(got.get(2).body());
      assertEquals("alert.story", body.get("type").asText());
      assertEquals("Northern quay to close", body.get("data").get("title").asText());
      assertEquals(1, body.get("data").get("seq").asInt());

      Received genuine = got.get(2);
      byte[] tampered =
          new String(genuine.body(), StandardCharsets.UTF_8)
              .replace("Northern", "Southern")
              .getBytes(StandardCharsets.UTF_8);
      assertNotEquals(
          new String(genuine.body(), StandardCharsets.UTF_8),
          new String(tampered, StandardCharsets.UTF_8));
      Received forged =
          new Received(genuine.id(), genuine.timestamp(), genuine.signature(), tampered);
      assertFalse(receiverAccepts(secret, forged, Instant.now()));
      Instant later = Instant.ofEpochSecond(Long.parseLong(genuine.timestamp())).plusSeconds(600);
      assertFalse(receiverAccepts(secret, genuine, later), "a replay ten minutes on");
      assertFalse(
          WebhookSignature.verify(
              secret,
              forged.id(),
              forged.timestamp(),
              forged.signature(),
              tampered,
              Instant.now()));
      assertFalse(
          WebhookSignature.verify(
              secret,
              genuine.id(),
              genuine.timestamp(),
              genuine.signature(),
              genuine.body(),
              later));
    } finally {
      receiver.stop(0);
    }
  }
}
