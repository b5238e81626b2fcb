package edu.campus.logistics.ledger;

import java.math.BigDecimal;

/** What is needed to put an item into the catalogue. */
public record NewItem(String code, String name, String spec, String unit, String category, BigDecimal reorderLevel) {
}
