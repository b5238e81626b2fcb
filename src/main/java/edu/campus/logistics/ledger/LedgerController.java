package edu.campus.logistics.ledger;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the stock ledger and asset register (JSON; authentication by ApiAuthenticationFilter). */
@RestController
@RequestMapping("/api")
public class LedgerController {

  private final LedgerService ledger;
  private final AssetRegister assets;
  private final List<ReconciliationCheck> checks;

  public LedgerController(LedgerService ledger, AssetRegister assets, List<ReconciliationCheck> checks) {
    this.ledger = ledger;
    this.assets = assets;
    this.checks = checks;
  }

  @GetMapping("/ledger/items")
  public List<Item> items() {
    return ledger.items();
  }

  @GetMapping("/ledger/items/{code}")
  public Item item(@PathVariable String code) {
    return ledger.findItem(code).orElseThrow(() -> new UnknownItemException("item code", code));
  }

  @GetMapping("/ledger/items/{code}/entries")
  public List<LedgerEntry> entries(@PathVariable String code) {
    item(code);
    return ledger.entries(code);
  }

  @GetMapping("/ledger/reconciliation")
  public Reconciliation reconciliation() {
    Reconciliation books = ledger.reconcile();
    for (ReconciliationCheck check : checks) {
      books = books.with(check.findings());
    }
    return books;
  }

  @GetMapping("/assets")
  public List<Asset> assets(@RequestParam(required = false) String location,
                            @RequestParam(required = false) String custodian) {
    return assets.search(blankToNull(location), blankToNull(custodian));
  }

  @GetMapping("/assets/{tag}")
  public ResponseEntity<Map<String, Object>> asset(@PathVariable String tag) {
    Asset asset = assets.find(tag).orElseThrow(() -> new UnknownItemException("asset tag", tag));
    return ResponseEntity.ok(Map.of("asset", asset, "history", assets.history(tag)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
