package edu.campus.logistics.procurement;

import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The catalogue of the stock ledger ({@code ledger_item}). */
@Component
public class LedgerItemCatalogue implements ItemCatalogue {

  private final LedgerService ledger;

  public LedgerItemCatalogue(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Override
  public Optional<Item> item(String code) {
    return code == null ? Optional.empty() : ledger.findItem(code.trim().toUpperCase(Locale.ROOT));
  }

  @Override
  public Optional<Item> sameNameAndSpec(String name, String spec) {
    return ledger.findItemByNameAndSpec(name, spec);
  }
}
