package edu.campus.logistics.stocktake;

import java.math.BigDecimal;

/** One asset of the report: where the books have it, what the counter found, and (missing) its cost. */
public record AssetResult(String assetTag, String name, String bookLocation, String custodian, String finding,
                          String findingLabel, String foundLocation, BigDecimal cost, String countedBy) {
}
