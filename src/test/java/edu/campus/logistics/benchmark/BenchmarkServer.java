package edu.campus.logistics.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One side of the benchmark in a JVM of its own: runs an application's own {@code main} (the application's or
 * {@code BareEngineApplication}'s) with its data source wrapped in a {@link SqlCounter}, and answers the
 * benchmark on a second loopback port: {@code GET /counts}, {@code GET /top?kind=request&limit=30},
 * {@code POST /reset-top}, and {@code POST /java?clients=4&instances=40} (whole cases through the Java API in
 * this JVM, {@link JavaApiRun}). Arguments: the application class, the control port, the application's arguments.
 */
public final class BenchmarkServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchmarkServer() {
  }

  public static void main(String[] args) throws Exception {
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    int controlPort = Integer.parseInt(args[1]);
    String[] applicationArguments = Arrays.copyOfRange(args, 2, args.length);
    SqlCounter counter = new SqlCounter();
    AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
    BufferingApplicationStartup steps = Boolean.getBoolean("benchmark.startup-steps")
        ? new BufferingApplicationStartup(50_000) : null;
    SpringApplication.withHook(application -> {
      if (steps != null) {
        application.setApplicationStartup(steps);
      }
      return new SpringApplicationRunListener() {
        @Override
        public void contextPrepared(ConfigurableApplicationContext context) {
          context.addBeanFactoryPostProcessor(factory -> factory.addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
              return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
                  ? ProxyDataSourceBuilder.create(dataSource).name(name).listener(counter).build() : bean;
            }
          }));
        }

        @Override
        public void started(ConfigurableApplicationContext context, Duration timeTaken) {
          started.set(context);
        }

        @Override
        public void starting(ConfigurableBootstrapContext bootstrapContext) {
        }
      };
    }, () -> {
      try {
        main.invoke(null, (Object) applicationArguments);
      } catch (IllegalAccessException | InvocationTargetException failed) {
        throw new IllegalStateException("the application did not start", failed);
      }
    });
    if (steps != null) {
      printLongestSteps(steps.getBufferedTimeline());
    }
    ProcessEngine engine = started.get().getBean(ProcessEngine.class);
    HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 4);
    control.createContext("/counts", exchange -> answer(exchange, counter::counts));
    control.createContext("/top", exchange -> {
      Map<String, String> query = query(exchange.getRequestURI());
      answer(exchange, () -> counter.top(query.getOrDefault("kind", "request"),
          Integer.parseInt(query.getOrDefault("limit", "30"))));
    });
    control.createContext("/reset-top", exchange -> {
      answer(exchange, () -> {
        counter.resetTop();
        return Map.of("reset", true);
      });
    });
    control.createContext("/java", exchange -> {
      Map<String, String> query = query(exchange.getRequestURI());
      answer(exchange, () -> new JavaApiRun(engine).run(Integer.parseInt(query.get("clients")),
          Integer.parseInt(query.get("instances")), Duration.ofSeconds(Long.parseLong(query.getOrDefault("seconds", "300")))));
    });
    control.start();
    System.out.println("benchmark control port " + controlPort + " ready");
  }

  /**
   * The start-up steps that took longest by themselves (Spring's step timings: a bean's creation without the
   * beans it created), into the server's log: where a start spends its time, for {@code -Dbenchmark.startup-steps}.
   */
  private static void printLongestSteps(StartupTimeline timeline) {
    Map<Long, Long> children = new HashMap<>();
    for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
      if (event.getStartupStep().getParentId() != null) {
        children.merge(event.getStartupStep().getParentId(), event.getDuration().toNanos(), Long::sum);
      }
    }
    ToLongFunction<StartupTimeline.TimelineEvent> byItself = event -> event.getDuration().toNanos()
        - children.getOrDefault(event.getStartupStep().getId(), 0L);
    System.out.println("start-up steps, longest by themselves (ms by itself, ms with what it started):");
    timeline.getEvents().stream()
        .sorted(Comparator.comparingLong(byItself).reversed())
        .limit(30)
        .forEach(event -> {
          StringBuilder tags = new StringBuilder();
          event.getStartupStep().getTags().forEach(tag -> tags.append(' ').append(tag.getValue()));
          System.out.printf("  %7.0f %7.0f  %s%s%n", byItself.applyAsLong(event) / 1e6,
              event.getDuration().toNanos() / 1e6, event.getStartupStep().getName(), tags);
        });
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new HashMap<>();
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        String[] nameValue = pair.split("=", 2);
        parameters.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
      }
    }
    return parameters;
  }

  private static void answer(HttpExchange exchange, Supplier<Object> body) throws IOException {
    byte[] bytes;
    int status = 200;
    try {
      bytes = JSON.writeValueAsBytes(body.get());
    } catch (RuntimeException failed) {
      status = 500;
      bytes = JSON.writeValueAsBytes(new LinkedHashMap<>(Map.of("error", String.valueOf(failed))));
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
