package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An asset card as an audit sees it: with its item's category (the audit interval depends on it) and
 * when a stocktake last found it (null: never since it was acquired).
 */
public record AuditedAsset(String tag, String itemCode, String category, String name, String location,
                           String custodian, AssetStatus status, BigDecimal cost, LocalDate acquiredOn,
                           LocalDate lastAuditedOn) {

  /** The day the audit interval counts from: the last audit, else the acquisition. */
  public LocalDate auditedOrAcquiredOn() {
    return lastAuditedOn != null ? lastAuditedOn : acquiredOn;
  }
}
