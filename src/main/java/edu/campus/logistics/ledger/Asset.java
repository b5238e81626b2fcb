package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An asset card (固定资产卡片): one per fixed asset, responsibility to a named custodian (责任到人). */
public record Asset(String tag, String itemCode, String name, String spec, String location, String custodian,
                    AssetStatus status, BigDecimal cost, LocalDate acquiredOn, String sourceVoucher) {
}
