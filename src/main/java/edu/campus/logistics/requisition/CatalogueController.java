package edu.campus.logistics.requisition;

import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.StockReservations;
import edu.campus.logistics.ledger.StockReservations.Availability;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/catalogue?q=…}: the item catalogue as the requisition start form offers it —
 * code, name, spec, unit, category and what is available now (on hand − reserved). Everyone signed
 * in may read it (the Tasklist login); it is what {@code scripts/catalogue-picker.js} shows under the
 * item code field of a start form, since 7.24 Tasklist start forms get no process variables
 * (docs/processes/requisition.md, "The catalogue on the start form").
 */
@RestController
@RequestMapping("/api/catalogue")
class CatalogueController {

  static final int MAX_QUERY = 50;
  static final int MAX_RESULTS = 200;

  private final StockReservations reservations;

  CatalogueController(StockReservations reservations) {
    this.reservations = reservations;
  }

  /** One catalogue entry as the form shows it. */
  record Entry(String code, String name, String spec, String unit, String category, String categoryLabel,
               BigDecimal available) {
  }

  @GetMapping
  ResponseEntity<?> search(@RequestParam(defaultValue = "") String q) {
    if (q.length() > MAX_QUERY) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("type", "BadQuery", "message",
          "搜索词最多%d个字 / q is longer than %d characters".formatted(MAX_QUERY, MAX_QUERY)));
    }
    String needle = q.trim().toLowerCase(Locale.ROOT);
    List<Entry> entries = reservations.catalogue().stream()
        .filter(entry -> needle.isEmpty() || matches(entry, needle))
        .limit(MAX_RESULTS)
        .map(CatalogueController::entry)
        .toList();
    return ResponseEntity.ok(Map.of("items", entries));
  }

  private static boolean matches(Availability entry, String needle) {
    return contains(entry.item().code(), needle) || contains(entry.item().name(), needle)
        || contains(entry.item().spec(), needle);
  }

  private static boolean contains(String text, String needle) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
  }

  private static Entry entry(Availability entry) {
    String category = entry.item().category();
    String label = Arrays.stream(ItemCategory.values()).filter(c -> c.id().equals(category))
        .map(ItemCategory::label).findFirst().orElse(category);
    return new Entry(entry.item().code(), entry.item().name(), entry.item().spec(), entry.item().unit(), category, label,
        entry.available().stripTrailingZeros());
  }
}
