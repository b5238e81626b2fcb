package edu.campus.logistics.ledger;

import java.util.List;

/**
 * The result of posting a voucher.
 *
 * @param entries the voucher's entries, in line order
 * @param repeated true when the voucher had been posted before and nothing new was written
 */
public record Posting(String voucherKey, List<LedgerEntry> entries, boolean repeated) {
}
