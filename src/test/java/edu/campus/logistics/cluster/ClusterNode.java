package edu.campus.logistics.cluster;

import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node of a cluster: the application in a JVM of its own, profile {@code postgres},
 * on the given database, with its job executor on and the given extra arguments, listening on
 * 127.0.0.1 only. {@link #kill()} ends it as a crash does (SIGKILL, no shutdown hooks).
 */
final class ClusterNode implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;
  private final TestHttp http;

  private ClusterNode(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.http = new TestHttp(port);
  }

  static ClusterNode start(String name, TestPostgres.Database database, Path workDir, List<String> extraArguments)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
        CampusLogisticsApplication.class.getName(), "--spring.profiles.active=postgres", "--server.port=" + port,
        "--server.address=127.0.0.1", "--spring.jmx.enabled=false", "--logging.level.root=WARN",
        "--logging.level.edu.campus.logistics=INFO", "--logging.level.org.camunda.bpm.engine.jobexecutor=INFO"));
    command.addAll(extraArguments);
    Path directory = Files.createDirectories(workDir.resolve(name));
    Path log = directory.resolve("node.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("CAMUNDA_") || variable.startsWith("CAMPUS_"));
    builder.environment().putAll(database.environment());
    builder.environment().put("CAMPUS_NODE_NAME", name);
    return new ClusterNode(name, builder.start(), log, port);
  }

  /** Waits until the node answers its health check with UP. */
  ClusterNode awaitUp(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " died while starting:\n" + output());
      }
      if (output().contains("Started CampusLogisticsApplication")) {
        try {
          if (http.get("/actuator/health", null).status() == 200) {
            return this;
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(name + " did not start within " + timeout + ":\n" + output());
      }
      Thread.sleep(500);
    }
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  TestHttp http() {
    return http;
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** A crash: SIGKILL, the JVM gets no chance to release anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
