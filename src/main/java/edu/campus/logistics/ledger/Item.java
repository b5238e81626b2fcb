package edu.campus.logistics.ledger;

import java.math.BigDecimal;

/** A catalogue item with its current balance. */
public record Item(String code, String name, String spec, String unit, String category,
                   BigDecimal reorderLevel, BigDecimal quantity, BigDecimal stockValue,
                   BigDecimal averageCost) {

  public boolean belowReorderLevel() {
    return quantity.compareTo(reorderLevel) < 0;
  }
}
