package org.dateline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StageClockTest {

  @AfterEach
  void detach() {
    StageClock.clear();
  }

  /** The names of a Server-Timing value, in order, each checked to carry a non-negative dur. */
  private static List<String> names(String header) {
    List<String> out = new ArrayList<>();
    for (String part : header.split(", ")) {
      String[] f = part.split(";dur=");
      assertEquals(2, f.length, part);
      assertTrue(Double.parseDouble(f[1]) >= 0, part);
      assertTrue(f[1].matches("\\d+\\.\\d{3}"), part);
      out.add(f[0]);
    }
    return out;
  }

  @Test
  void lapsAreRecordedInFirstOrderRepeatsSummedAndTheStopStageLast() {
    StageClock clock = StageClock.start();
    StageClock.lap("parse");
    StageClock.lap("top");
    StageClock.lap("top");
    assertEquals(List.of("parse", "top", "json"), names(clock.stop("json")));
  }

  @Test
  void aLapWithoutAClockRecordsNothingAndAStoppedClockIsDetached() {
    StageClock.lap("lost");
    StageClock clock = StageClock.start();
    assertEquals(List.of("end"), names(clock.stop("end")));
    StageClock.lap("after");
    StageClock other = StageClock.start();
    assertEquals(List.of("x"), names(other.stop("x")));
  }

  @Test
  void lapsOnAnotherThreadAreNotRecorded() throws InterruptedException {
    StageClock clock = StageClock.start();
    Thread t = Thread.ofPlatform().start(() -> StageClock.lap("elsewhere"));
    t.join();
    StageClock.lap("here");
    assertEquals(List.of("here", "json"), names(clock.stop("json")));
  }

  @Test
  void aTimedStageShowsItsDurationSummedOverItsLaps() throws InterruptedException {
    StageClock clock = StageClock.start();
    Thread.sleep(10);
    StageClock.lap("sleep");
    StageClock.lap("between");
    Thread.sleep(10);
    StageClock.lap("sleep");
    String header = clock.stop("json");
    double ms = Double.parseDouble(header.split(", ")[0].split(";dur=")[1]);
    assertTrue(ms >= 19.0, header);
  }

  @Test
  void itsCpuLeavesOutTheTimeTheThreadWaited() throws InterruptedException {
    StageClock clock = StageClock.start();
    long wallStart = System.nanoTime();
    Thread.sleep(200);
    long deadline = System.nanoTime() + 40_000_000L;
    long spins = 0;
    while (System.nanoTime() < deadline) {
      spins++;
    }
    double cpu = Double.parseDouble(clock.cpuMillis());
    double wall = (System.nanoTime() - wallStart) / 1e6;
    clock.stop("json");
    assertTrue(spins > 0);
    assertTrue(clock.cpuMillis().matches("\\d+\\.\\d{3}"), clock.cpuMillis());
    // 200 ms asleep cost no CPU; the spin some (at most its 40 ms of wall)
    assertTrue(cpu < wall - 150, cpu + " ms of CPU in " + wall + " ms");
    assertTrue(cpu > 0, cpu + " ms of CPU");
  }
}
