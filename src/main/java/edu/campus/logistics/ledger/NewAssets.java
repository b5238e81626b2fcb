package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Cards to create for one received line: {@code count} identical assets.
 *
 * @param lineNo the line of the receipt voucher they came from (cards are idempotent per voucher line)
 */
public record NewAssets(int lineNo, String itemCode, int count, BigDecimal unitCost, String location,
                        String custodian, LocalDate acquiredOn) {
}
