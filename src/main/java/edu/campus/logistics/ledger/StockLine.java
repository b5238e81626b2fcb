package edu.campus.logistics.ledger;

import java.math.BigDecimal;

/**
 * One line of a voucher.
 *
 * @param itemCode catalogue item
 * @param quantity always positive for RECEIPT/ISSUE/REPAIR_USE; signed for ADJUSTMENT
 * @param unitCost purchase price for receipts; ignored for issues (moving average is used);
 *                 optional for positive adjustments (defaults to the moving average)
 */
public record StockLine(String itemCode, BigDecimal quantity, BigDecimal unitCost) {

  public static StockLine of(String itemCode, BigDecimal quantity) {
    return new StockLine(itemCode, quantity, null);
  }

  public static StockLine of(String itemCode, BigDecimal quantity, BigDecimal unitCost) {
    return new StockLine(itemCode, quantity, unitCost);
  }
}
