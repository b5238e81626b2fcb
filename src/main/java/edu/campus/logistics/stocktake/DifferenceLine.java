package edu.campus.logistics.stocktake;

import java.math.BigDecimal;

/**
 * One item of the report: the book quantity now, what was counted, what the ledger moved after the
 * count, and the difference (盘盈 positive, 盘亏 negative) = counted + moved since − book, valued at the
 * moving-average cost.
 */
public record DifferenceLine(String itemCode, String name, String unit, BigDecimal bookQuantity, BigDecimal countedQuantity,
                             BigDecimal movedSinceCount, BigDecimal difference, BigDecimal unitCost,
                             BigDecimal differenceValue, String countedBy) {
}
