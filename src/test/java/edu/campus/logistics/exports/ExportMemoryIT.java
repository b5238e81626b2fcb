package edu.campus.logistics.exports;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A ledger of 100,000 entries exported as .xlsx and CSV through the endpoint, in an application of
 * its own (H2 file under target/). While the export runs, a sampler forces a full GC every second
 * and reads the heap still in use right after it: the export must never hold more than
 * {@link #BOUND_MB} MB above what the application held before. Figures are printed to the test output.
 */
class ExportMemoryIT {

  static final int ENTRIES = 100_000;
  static final int ITEMS = 10;
  static final int LINES_PER_VOUCHER = 200;
  static final long BOUND_MB = 32;
  static final Duration TIME_BOUND = Duration.ofMinutes(4);
  static final long SAMPLE_MILLIS = 1000;

  @Test
  void exportingAHundredThousandEntriesStaysWithinTheMemoryBound() throws Exception {
    Path directory = Path.of("target", "export-memory-it");
    FileSystemUtils.deleteRecursively(directory);
    Files.createDirectories(directory);
    // H2's page cache (CACHE_SIZE, in KB) grows with the maximum heap: fixed at 16 MB here, so that
    // what is measured is the export, not the database's cache
    String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("campus-logistics")
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;CACHE_SIZE=16384";
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CampusLogisticsApplication.class)
        .run("--spring.datasource.url=" + url, "--server.port=0", "--server.address=127.0.0.1",
            "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN")) {
      long seeded = seed(app.getBean(LedgerService.class));
      long total = app.getBean(JdbcTemplate.class).queryForObject("select count(*) from ledger_entry", Long.class);
      assertThat(total).isGreaterThanOrEqualTo(ENTRIES);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();

      // a first, unmeasured export fills the database's page cache: what is measured afterwards is
      // what the export itself holds
      long warmUpStarted = System.nanoTime();
      download(port, "csv", directory.resolve("warm-up.csv"));
      System.out.printf("ExportMemoryIT: warm-up csv export in %d ms%n", Duration.ofNanos(System.nanoTime() - warmUpStarted).toMillis());

      Measured xlsx = measure(() -> download(port, "xlsx", directory.resolve("ledger.xlsx")));
      System.out.printf("ExportMemoryIT: seeded %d entries in %d ms; xlsx of %d entries: %d bytes in %d ms, "
              + "retained heap above baseline at most %.1f MB (baseline %.1f MB, %d samples)%n",
          seeded, seedMillis, total, xlsx.bytes, xlsx.millis, xlsx.peakMb(), xlsx.baselineMb(), xlsx.samples);
      assertThat(lastRowNumber(directory.resolve("ledger.xlsx"))).isEqualTo(total + 2);
      assertThat(xlsx.peakMb()).isLessThan(BOUND_MB);
      assertThat(Duration.ofMillis(xlsx.millis)).isLessThan(TIME_BOUND);

      Measured csv = measure(() -> download(port, "csv", directory.resolve("ledger.csv")));
      System.out.printf("ExportMemoryIT: csv of %d entries: %d bytes in %d ms, retained heap above baseline at most %.1f MB%n",
          total, csv.bytes, csv.millis, csv.peakMb());
      assertThat(lineCount(directory.resolve("ledger.csv"))).isEqualTo(total + 2);
      assertThat(csv.peakMb()).isLessThan(BOUND_MB);
      assertThat(Duration.ofMillis(csv.millis)).isLessThan(TIME_BOUND);
    }
  }

  private long seedMillis;

  /** 100,000 receipts on ten items, 200 lines a voucher, through the ledger service. */
  private long seed(LedgerService ledger) {
    long started = System.nanoTime();
    for (int i = 0; i < ITEMS; i++) {
      ledger.registerItem(new NewItem("MEM-" + i, "导出压力测试品" + i, "规格" + i, "个", ItemCategory.OTHER.id(), BigDecimal.ZERO));
    }
    long posted = 0;
    for (int voucher = 0; posted < ENTRIES; voucher++) {
      List<StockLine> lines = new ArrayList<>();
      for (int line = 0; line < LINES_PER_VOUCHER; line++) {
        lines.add(StockLine.of("MEM-" + (line % ITEMS), BigDecimal.ONE, new BigDecimal("12.50")));
      }
      ledger.receive(new Voucher("mem:" + voucher, null, "CG-2026-" + voucher, "Task_ConfirmStorage", "wuxiaohong"), lines);
      posted += LINES_PER_VOUCHER;
    }
    seedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    return posted;
  }

  private record Measured(long bytes, long millis, long baseline, long peak, int samples) {

    double peakMb() {
      return (peak - baseline) / 1024.0 / 1024.0;
    }

    double baselineMb() {
      return baseline / 1024.0 / 1024.0;
    }
  }

  private interface Download {
    long run() throws Exception;
  }

  /** Runs the download while a sampler forces a full GC every second and records the heap still used. */
  private Measured measure(Download download) throws Exception {
    long baseline = liveHeapAfterFullGc();
    AtomicLong peak = new AtomicLong(baseline);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong samples = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        peak.accumulateAndGet(liveHeapAfterFullGc(), Math::max);
        samples.incrementAndGet();
        try {
          Thread.sleep(SAMPLE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    long started = System.nanoTime();
    sampler.start();
    long bytes;
    try {
      bytes = download.run();
    } finally {
      running.set(false);
      sampler.join(5_000);
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    return new Measured(bytes, millis, baseline, peak.get(), (int) samples.get());
  }

  /**
   * Forces a full GC and returns the heap in use right after it, as the collector itself reports
   * it: read later, the export thread's fresh garbage would be counted too.
   */
  private static long liveHeapAfterFullGc() {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    System.gc();
    GcInfo latest = null;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof com.sun.management.GarbageCollectorMXBean withInfo) {
        GcInfo info = withInfo.getLastGcInfo();
        if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
          latest = info;
        }
      }
    }
    if (latest == null) {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
    return latest.getMemoryUsageAfterGc().entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed()).sum();
  }

  /** Streams the export to a file (never into memory) and returns its size. */
  private static long download(int port, String format, Path target) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/exports/stock-ledger?format=" + format))
        .timeout(TIME_BOUND)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("linna:linna".getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    HttpResponse<Path> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(target));
    assertThat(answer.statusCode()).isEqualTo(200);
    return Files.size(target);
  }

  /** The r attribute of the last row element of the first sheet, scanned as a stream. */
  private static long lastRowNumber(Path xlsx) throws IOException {
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
      assertThat(sheet).as("first sheet of " + xlsx).isNotNull();
      try (InputStream in = zip.getInputStream(sheet)) {
        return lastRowAttribute(in);
      }
    }
  }

  private static long lastRowAttribute(InputStream sheet) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(sheet, StandardCharsets.UTF_8));
    String marker = "<row r=\"";
    long last = 0;
    StringBuilder carry = new StringBuilder();
    char[] buffer = new char[8192];
    for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
      carry.append(buffer, 0, read);
      int at = carry.lastIndexOf(marker);
      if (at >= 0) {
        int end = carry.indexOf("\"", at + marker.length());
        if (end > 0) {
          last = Long.parseLong(carry.substring(at + marker.length(), end));
        }
      }
      carry.delete(0, Math.max(0, carry.length() - 64));
    }
    return last;
  }

  private static long lineCount(Path csv) throws IOException {
    try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }
}
