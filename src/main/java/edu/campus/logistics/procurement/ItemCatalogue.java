package edu.campus.logistics.procurement;

import edu.campus.logistics.ledger.Item;
import java.util.Optional;

/**
 * The item catalogue as procurement reads it: an item by its code, and the item a new-item line
 * would duplicate (same name and spec). {@link LedgerItemCatalogue} reads the ledger; the model-path
 * tests on the bare engine use {@link #EMPTY}.
 */
public interface ItemCatalogue {

  Optional<Item> item(String code);

  Optional<Item> sameNameAndSpec(String name, String spec);

  /** A catalogue with no items. */
  ItemCatalogue EMPTY = new ItemCatalogue() {
    @Override
    public Optional<Item> item(String code) {
      return Optional.empty();
    }

    @Override
    public Optional<Item> sameNameAndSpec(String name, String spec) {
      return Optional.empty();
    }
  };
}
