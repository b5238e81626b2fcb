package edu.campus.logistics.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of {@code items} or {@code purchaseItems}: what to buy and at what unit price
 * (estimated in {@code items}, actual in {@code purchaseItems}).
 */
public record RequestLine(String name, String spec, String category, String unit, BigDecimal quantity,
                          BigDecimal unitPrice) {

  public BigDecimal amount() {
    return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
  }

  public RequestLine withUnitPrice(BigDecimal actual) {
    return new RequestLine(name, spec, category, unit, quantity, actual);
  }
}
