package edu.campus.logistics.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One side of the benchmark: a {@link BenchmarkServer} JVM (the application, or the bare starter) on loopback,
 * its web port reached through {@link TestHttp} (HTTP Basic, password = user id) and its control port.
 * Both sides get the same JVM options and database settings; {@link #start} returns once Tasklist answers.
 */
final class BenchmarkSide implements AutoCloseable {

  /** The JVM options of both sides. */
  static final List<String> JVM = List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC");

  final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path directory;
  private final int port;
  private final int controlPort;
  final TestHttp http;
  final TestHttp control;
  private final List<String> firstStartOnly;
  private Process process;
  private int starts;

  /** {@code firstStartOnly}: JVM options of the first start only (a flight recording of the measured runs). */
  BenchmarkSide(String name, String applicationClass, String classpath, List<String> firstStartOnly,
                List<String> arguments, Map<String, String> environment, Path directory) throws IOException {
    this.name = name;
    this.environment = environment;
    this.directory = Files.createDirectories(directory);
    this.port = freePort();
    this.controlPort = freePort();
    this.firstStartOnly = firstStartOnly;
    this.http = new TestHttp(port);
    this.control = new TestHttp(controlPort);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    command = new ArrayList<>(List.of(java));
    command.addAll(JVM);
    command.addAll(List.of("-cp", classpath, BenchmarkServer.class.getName(), applicationClass,
        String.valueOf(controlPort), "--server.port=" + port, "--server.address=127.0.0.1"));
    command.addAll(arguments);
  }

  /** Starts the JVM and waits until Tasklist's page answers 200: the time from launch to ready. */
  Duration start(Duration timeout) throws IOException, InterruptedException {
    List<String> launch = new ArrayList<>(command);
    if (starts == 0) {
      launch.addAll(1, firstStartOnly);
    }
    ProcessBuilder builder = new ProcessBuilder(launch).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("server.log").toFile()));
    builder.environment().keySet().removeIf(variable -> variable.startsWith("CAMUNDA_") || variable.startsWith("CAMPUS_"));
    builder.environment().putAll(environment);
    long begin = System.nanoTime();
    process = builder.start();
    starts++;
    long deadline = begin + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " died while starting:\n" + log());
      }
      try {
        if (http.get("/camunda/app/tasklist/default/", null).status() == 200
            && control.get("/counts", null).status() == 200) {
          return Duration.ofNanos(System.nanoTime() - begin);
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " was not ready within " + timeout + ":\n" + log());
      }
      Thread.sleep(50);
    }
  }

  /** A client of its own (its own connections), as one of N users' browsers or programs. */
  TestHttp newClient() {
    return new TestHttp(port);
  }

  /** SQL statements so far: kind → {statements, roundTrips, millis}. */
  JsonNode counts() {
    return control.get("/counts", null).json();
  }

  long statements(JsonNode counts, String kind) {
    return counts.path(kind).path("statements").asLong();
  }

  JsonNode top(String kind, int limit) {
    return control.get("/top?kind=" + kind + "&limit=" + limit, null).json();
  }

  void resetTop() {
    control.postJson("/reset-top", null, "{}");
  }

  JsonNode javaRun(int clients, int instances) {
    return control.postJson("/java?clients=" + clients + "&instances=" + instances + "&seconds=300", null, "{}").json();
  }

  String log() throws IOException {
    String log = Files.readString(directory.resolve("server.log"), StandardCharsets.UTF_8);
    return log.length() > 20_000 ? log.substring(log.length() - 20_000) : log;
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  /** The test class path without one of its entries (the bare side runs without the application's classes). */
  static String classpathWithout(String entry) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept = new ArrayList<>();
    for (String part : classpath.split(File.pathSeparator)) {
      if (!Path.of(part).toAbsolutePath().normalize().equals(Path.of(entry).toAbsolutePath().normalize())) {
        kept.add(part);
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  /** The classes of this package that run inside a server's JVM (the rest drives the servers from outside). */
  private static final List<Class<?>> SERVER_CLASSES = List.of(BenchmarkServer.class, SqlCounter.class,
      JavaApiRun.class, BenchmarkCase.class, Clients.class, Latencies.class);

  /**
   * The application's class path as it is deployed: its classes and jars without the test classes, which its
   * component scan of {@code edu.campus.logistics} would otherwise read at every start (a few hundred
   * milliseconds), plus this package's server classes, copied to {@code harness}.
   */
  static String applicationClasspath(Path harness) throws IOException {
    Path testClasses = codeSource(BenchmarkServer.class);
    Path packageDirectory = Path.of(BenchmarkServer.class.getPackageName().replace('.', '/'));
    Files.createDirectories(harness.resolve(packageDirectory));
    try (var files = Files.list(testClasses.resolve(packageDirectory))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (SERVER_CLASSES.stream().anyMatch(type -> name.equals(type.getSimpleName() + ".class")
            || name.startsWith(type.getSimpleName() + "$"))) {
          Files.copy(file, harness.resolve(packageDirectory).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return harness + File.pathSeparator + classpathWithout(testClasses.toString());
  }

  /** The class path entry (a directory or a jar) that a class was loaded from. */
  static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
