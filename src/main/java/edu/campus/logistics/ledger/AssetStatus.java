package edu.campus.logistics.ledger;

/** Where a fixed asset stands in its life. */
public enum AssetStatus {
  IN_USE,
  DAMAGED,
  UNDER_REPAIR,
  RETIRED
}
