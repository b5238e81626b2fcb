package edu.campus.logistics.ledger;

import java.math.BigDecimal;

/** An issue beyond the balance: stock never goes negative. */
public class InsufficientStockException extends LedgerException {

  public static final String CODE = "STOCK_SHORTAGE";

  private final String itemCode;
  private final BigDecimal available;
  private final BigDecimal requested;

  public InsufficientStockException(String itemCode, String itemName, BigDecimal available, BigDecimal requested) {
    super(CODE, "库存不足 / insufficient stock for " + itemCode + " (" + itemName + "): available "
        + available.stripTrailingZeros().toPlainString() + ", requested " + requested.stripTrailingZeros().toPlainString());
    this.itemCode = itemCode;
    this.available = available;
    this.requested = requested;
  }

  public String getItemCode() {
    return itemCode;
  }

  public BigDecimal getAvailable() {
    return available;
  }

  public BigDecimal getRequested() {
    return requested;
  }
}
