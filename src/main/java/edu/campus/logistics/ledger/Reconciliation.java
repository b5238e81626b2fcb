package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Result of checking every balance against the sum of its entries (账账相符) and the books against
 * the business (账实相符): every asset card stems from a receipt, and the checks other modules
 * contribute ({@link ReconciliationCheck}: a procurement receipt is at most what was ordered) found
 * nothing.
 */
public record Reconciliation(int itemsChecked, List<Mismatch> mismatches, List<Finding> findings) {

  @JsonProperty("consistent")
  public boolean consistent() {
    return mismatches.isEmpty() && findings.isEmpty();
  }

  /** The same result with further findings. */
  public Reconciliation with(List<Finding> more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more);
    return new Reconciliation(itemsChecked, mismatches, List.copyOf(all));
  }

  /** Something the books say that the business does not back: which check, which voucher or card, what. */
  public record Finding(String check, String reference, String businessKey, String message) {
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
