package edu.campus.logistics.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL statements a server sends, by the kind of thread that sent them: {@code request} (web
 * requests, the Java API runs), {@code job} (the job executor's workers), {@code acquisition} (its acquisition
 * thread) and {@code other} (start-up, schedulers). A batch counts each parameter set as one statement and
 * once as a round trip. The most frequent statements are kept per kind, to see where the work goes.
 */
final class SqlCounter implements QueryExecutionListener {

  static final List<String> KINDS = List.of("request", "job", "acquisition", "other");

  private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> roundTrips = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> millis = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byText = new ConcurrentHashMap<>();

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
  }

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    String kind = kind(Thread.currentThread().getName());
    int count = 0;
    for (QueryInfo query : queries) {
      int sets = Math.max(1, query.getParametersList().size());
      count += sets;
      String text = query.getQuery().replaceAll("\\s+", " ").trim();
      text = text.length() > 240 ? text.substring(0, 240) : text;
      if (CALLERS) {
        text = caller() + " | " + (text.length() > 90 ? text.substring(0, 90) : text);
      }
      byText.computeIfAbsent(kind + "\t" + text, key -> new LongAdder()).add(sets);
    }
    statements.computeIfAbsent(kind, key -> new LongAdder()).add(count);
    roundTrips.computeIfAbsent(kind, key -> new LongAdder()).increment();
    millis.computeIfAbsent(kind, key -> new LongAdder()).add(execution.getElapsedTime());
  }

  /** {@code -Dbenchmark.sql-callers=true}: statements are told apart by the application's code that caused them. */
  static final boolean CALLERS = Boolean.getBoolean("benchmark.sql-callers");

  private static final StackWalker STACK = StackWalker.getInstance();

  /** The innermost frame of the application's own code on this thread (not the benchmark's), or the engine's command. */
  private static String caller() {
    return STACK.walk(frames -> frames
        .filter(frame -> frame.getClassName().startsWith("edu.campus.logistics")
            && !frame.getClassName().startsWith("edu.campus.logistics.benchmark")
            && !frame.getClassName().startsWith("edu.campus.logistics.input.Doors"))
        .findFirst().map(frame -> frame.getClassName().substring("edu.campus.logistics.".length()) + "."
            + frame.getMethodName()).orElse("engine"));
  }

  static String kind(String thread) {
    if (thread.startsWith("http-nio") || thread.startsWith("bench-java")) {
      return "request";
    }
    if (thread.startsWith("camundaTaskExecutor")) {
      return "job";
    }
    if (thread.startsWith("JobExecutor")) {
      return "acquisition";
    }
    return "other";
  }

  /** kind → {statements, roundTrips, millis} since start. */
  Map<String, Map<String, Long>> counts() {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (String kind : KINDS) {
      counts.put(kind, Map.of("statements", sum(statements, kind), "roundTrips", sum(roundTrips, kind),
          "millis", sum(millis, kind)));
    }
    return counts;
  }

  /** The {@code limit} most frequent statements of a kind since the last {@link #resetTop()}: [count, text]. */
  List<List<Object>> top(String kind, int limit) {
    List<List<Object>> top = new ArrayList<>();
    byText.forEach((key, count) -> {
      if (key.startsWith(kind + "\t")) {
        top.add(List.of(count.sum(), key.substring(kind.length() + 1)));
      }
    });
    top.sort(Comparator.comparing((List<Object> row) -> (Long) row.get(0)).reversed());
    return top.subList(0, Math.min(limit, top.size()));
  }

  void resetTop() {
    byText.clear();
  }

  private static long sum(Map<String, LongAdder> adders, String kind) {
    LongAdder adder = adders.get(kind);
    return adder == null ? 0 : adder.sum();
  }
}
