package edu.campus.logistics.ledger;

/** Where a fixed asset stands in its life. */
public enum AssetStatus {
  IN_USE,
  DAMAGED,
  UNDER_REPAIR,
  RETIRED,
  /** Not found in a stocktake (盘亏); the card stays until the loss is written off. */
  MISSING
}
