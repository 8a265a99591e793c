package org.dateline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Before an end-of-run commit, the pool's threads write the writer's buffered segments: afterwards
 * nothing is left in memory for the commit to flush, and no document is lost or doubled.
 */
class BufferFlushTest {

  @Test
  void eachPoolThreadFlushesABufferedSegment() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      // two threads writing at the same time: two buffered segments
      CountDownLatch both = new CountDownLatch(2);
      Future<?> a = pool.submit(() -> write(writer, "a", both));
      Future<?> b = pool.submit(() -> write(writer, "b", both));
      a.get();
      b.get();
      assertEquals(400, writer.numRamDocs());

      // two threads at once make two buffered segments or more (a thread may find the other's
      // free between two documents and start a third): each round flushes two of them
      BufferFlush.onEach(pool, 2, writer);
      int left = writer.numRamDocs();
      assertTrue(left < 400, "buffered segments flushed, " + left + " documents left");
      for (int round = 0; round < 10 && writer.numRamDocs() > 0; round++) {
        int before = writer.numRamDocs();
        BufferFlush.onEach(pool, 2, writer);
        assertTrue(writer.numRamDocs() < before, "each round flushes something");
      }
      assertEquals(0, writer.numRamDocs(), "nothing left for the commit to flush");
      writer.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertEquals(400, r.numDocs());
        assertTrue(r.leaves().size() >= 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void write(IndexWriter writer, String prefix, CountDownLatch both)
      throws IOException, InterruptedException {
    both.countDown();
    both.await();
    for (int i = 0; i < 200; i++) {
      Document d = new Document();
      d.add(new TextField("body", prefix + " word " + i, Field.Store.YES));
      writer.addDocument(d);
    }
    return null;
  }
}
