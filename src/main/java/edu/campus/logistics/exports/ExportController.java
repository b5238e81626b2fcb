package edu.campus.logistics.exports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit exports as .xlsx (default) or CSV, streamed to the caller: the stock ledger, the asset
 * register, the procurement and the repair register. Who may call them: finance, the head of logistics
 * and the principal ({@code EXPORT_READERS} in identity/ApiSecurityConfiguration). Parameters are checked before the first byte is written.
 */
@RestController
@RequestMapping("/api/exports")
public class ExportController {

  private static final Logger LOG = LoggerFactory.getLogger(ExportController.class);

  /** One export a caller may download: its Chinese title, its path, whether it takes a period ({@code from}, {@code to}). */
  public record Available(String id, String title, String path, boolean period) {
  }

  static final Available STOCK_LEDGER = new Available("stock-ledger", "库存台账", "/api/exports/stock-ledger", true);
  static final Available ASSETS = new Available("assets", "固定资产登记簿", "/api/exports/assets", false);
  static final Available PROCUREMENTS = new Available("procurements", "采购登记簿", "/api/exports/procurements", true);
  static final Available REPAIRS = new Available("repairs", "维修登记簿", "/api/exports/repairs", true);
  static final List<Available> ALL = List.of(STOCK_LEDGER, PROCUREMENTS, REPAIRS, ASSETS);

  private final StockLedgerExport stockLedger;
  private final AssetRegisterExport assetRegister;
  private final ProcurementRegisterExport procurementRegister;
  private final RepairRegisterExport repairRegister;
  private final ZoneId zone;

  ExportController(StockLedgerExport stockLedger, AssetRegisterExport assetRegister,
                   ProcurementRegisterExport procurementRegister, RepairRegisterExport repairRegister,
                   @Value("${campus.exports.time-zone:Asia/Shanghai}") String zone) {
    this.stockLedger = stockLedger;
    this.assetRegister = assetRegister;
    this.procurementRegister = procurementRegister;
    this.repairRegister = repairRegister;
    this.zone = ZoneId.of(zone);
  }

  /**
   * The exports the caller may download (every one: who may not gets 403 from the filter), for the links on
   * the Cockpit KPI page; formats {@code xlsx} and {@code csv}.
   */
  @GetMapping
  public List<Available> available() {
    return ALL;
  }

  /** 库存台账: all items or one ({@code item}), entries posted from {@code from} to {@code to} (dates, inclusive). */
  @GetMapping("/stock-ledger")
  public void stockLedger(@RequestParam(required = false) String item, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) String format,
                          HttpServletResponse response) throws IOException {
    ExportFormat chosen = ExportFormat.of(format);
    Period period = Period.parse(from, to, zone);
    String code = blankToNull(item);
    stockLedger.check(code);
    try (TableSink sink = open(response, chosen, STOCK_LEDGER.title(), (code == null ? "" : code + "_") + period.label())) {
      stockLedger.write(sink, code, period);
    }
  }

  /** 固定资产登记簿, optionally of one location and/or custodian (exact match). */
  @GetMapping("/assets")
  public void assets(@RequestParam(required = false) String location, @RequestParam(required = false) String custodian,
                     @RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
    ExportFormat chosen = ExportFormat.of(format);
    try (TableSink sink = open(response, chosen, ASSETS.title(), LocalDate.now(zone).toString())) {
      assetRegister.write(sink, blankToNull(location), blankToNull(custodian));
    }
  }

  /** 采购登记簿: requests started in the period. */
  @GetMapping("/procurements")
  public void procurements(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
    ExportFormat chosen = ExportFormat.of(format);
    Period period = Period.parse(from, to, zone);
    try (TableSink sink = open(response, chosen, PROCUREMENTS.title(), period.label())) {
      procurementRegister.write(sink, period);
    }
  }

  /** 维修登记簿: repairs reported in the period. */
  @GetMapping("/repairs")
  public void repairs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
    ExportFormat chosen = ExportFormat.of(format);
    Period period = Period.parse(from, to, zone);
    try (TableSink sink = open(response, chosen, REPAIRS.title(), period.label())) {
      repairRegister.write(sink, period);
    }
  }

  @ExceptionHandler(ExportRefusal.class)
  ResponseEntity<Map<String, Object>> refused(ExportRefusal refusal) {
    return ResponseEntity.status(refusal.status()).body(Map.of("status", refusal.status().value(),
        "error", "export-refused", "message", refusal.getMessage()));
  }

  private static TableSink open(HttpServletResponse response, ExportFormat format, String title, String suffix)
      throws IOException {
    response.setContentType(format.contentType());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(title + "_" + suffix + "." + format.extension(), StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    LOG.info("export {} ({}) for {}", title, format.extension(), suffix);
    return format.open(response.getOutputStream(), title);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
