package edu.campus.logistics.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * {@code clients} threads that run whole cases until {@code instances} are done, the first failure, or the
 * time limit: bounded in count and time. Used by both drivers (REST and the Java API).
 */
final class Clients {

  /** What a run did: cases ended, its wall time, the first failure if any. */
  record Outcome(int done, double seconds, Throwable failure) {
  }

  /** One client's way of running one case, given the run's deadline ({@link System#nanoTime()}). */
  interface OneCase {
    void run(long deadline);
  }

  private Clients() {
  }

  /** {@code client}: the case runner of the client with that number (its own connections, if any). */
  static Outcome run(int clients, int instances, Duration limit, String threadPrefix, IntFunction<OneCase> client) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long deadline = System.nanoTime() + limit.toNanos();
    long begin = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int number = 0; number < clients; number++) {
      OneCase oneCase = client.apply(number);
      Thread thread = new Thread(() -> {
        while (failure.get() == null && System.nanoTime() < deadline && next.getAndIncrement() < instances) {
          try {
            oneCase.run(deadline);
            done.incrementAndGet();
          } catch (RuntimeException | Error failed) {
            failure.compareAndSet(null, failed);
          }
        }
      }, threadPrefix + number);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
    }
    return new Outcome(done.get(), (System.nanoTime() - begin) / 1e9, failure.get());
  }
}
