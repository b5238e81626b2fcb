package edu.campus.logistics.repair;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import edu.campus.logistics.ledger.StockLine;
import java.math.BigDecimal;

/** One line of {@code partsUsed}: a stock item taken for the repair. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartUsed(String itemCode, BigDecimal quantity) {

  StockLine toStockLine() {
    return StockLine.of(itemCode, quantity);
  }
}
