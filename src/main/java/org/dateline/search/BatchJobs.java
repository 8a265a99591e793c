package org.dateline.search;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The batches of one server, running and recently ended, by id. Ids are random (a client learns one
 * only from the answer to its own batch). Ended batches are forgotten, oldest first, beyond {@link
 * #KEPT_ENDED}. Thread-safe.
 */
public final class BatchJobs {

  static final int KEPT_ENDED = 1000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, BatchProgress> jobs = new ConcurrentHashMap<>();

  /** Registers a new batch of {@code lines} lines. */
  public BatchProgress start(int lines) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    BatchProgress p = new BatchProgress(HexFormat.of().formatHex(bytes), lines);
    forgetOldEnded();
    jobs.put(p.id(), p);
    return p;
  }

  /** The batch with this id, or null. */
  public BatchProgress get(String id) {
    return jobs.get(id);
  }

  private void forgetOldEnded() {
    long ended = jobs.values().stream().filter(BatchProgress::finished).count();
    if (ended < KEPT_ENDED) {
      return;
    }
    BatchProgress oldest = null;
    for (Iterator<BatchProgress> it = jobs.values().iterator(); it.hasNext(); ) {
      BatchProgress p = it.next();
      if (p.finished()
          && (oldest == null || p.status().started().isBefore(oldest.status().started()))) {
        oldest = p;
      }
    }
    if (oldest != null) {
      jobs.remove(oldest.id());
    }
  }
}
