package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** One append-only line of the stock ledger. */
public record LedgerEntry(long id, String voucherKey, int lineNo, String itemCode, EntryType type,
                          BigDecimal quantity, BigDecimal unitCost, BigDecimal amount,
                          BigDecimal balanceAfter, BigDecimal valueAfter, String processInstanceId,
                          String businessKey, String activityId, String actor, Instant postedAt) {
}
