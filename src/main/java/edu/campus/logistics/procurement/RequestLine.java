package edu.campus.logistics.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of {@code items} or {@code purchaseItems}: what to buy and at what unit price
 * (estimated in {@code items}, actual in {@code purchaseItems}). Either a catalogue item
 * ({@code itemCode} set, name/spec/category/unit those of the catalogue, {@code newItem} false) or a
 * new item typed by the requester ({@code itemCode} null, {@code newItem} true), which the
 * storekeeper confirms as a new catalogue item or maps to an existing one at stocking.
 */
public record RequestLine(String itemCode, boolean newItem, String name, String spec, String category, String unit,
                          BigDecimal quantity, BigDecimal unitPrice) {

  public BigDecimal amount() {
    return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
  }

  public RequestLine withUnitPrice(BigDecimal actual) {
    return new RequestLine(itemCode, newItem, name, spec, category, unit, quantity, actual);
  }
}
