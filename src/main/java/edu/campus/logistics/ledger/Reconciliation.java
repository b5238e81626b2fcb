package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Result of checking every balance against the sum of its entries (账账相符). */
public record Reconciliation(int itemsChecked, List<Mismatch> mismatches) {

  @JsonProperty("consistent")
  public boolean consistent() {
    return mismatches.isEmpty();
  }

  public record Mismatch(String itemCode, BigDecimal balanceQuantity, BigDecimal entriesQuantity,
                         BigDecimal balanceValue, BigDecimal entriesValue, BigDecimal lastBalanceAfter,
                         long balanceEntryCount, long entryCount) {

    @JsonIgnore
    public boolean consistent() {
      boolean lastMatches = entryCount == 0
          ? balanceQuantity.signum() == 0
          : lastBalanceAfter != null && lastBalanceAfter.compareTo(balanceQuantity) == 0;
      return balanceQuantity.compareTo(entriesQuantity) == 0
          && balanceValue.compareTo(entriesValue) == 0
          && balanceEntryCount == entryCount
          && lastMatches;
    }
  }
}
