package edu.campus.logistics.ledger;

/** Kind of stock movement; the sign of the quantity follows from it (ADJUSTMENT may be either). */
public enum EntryType {
  RECEIPT,
  ISSUE,
  REPAIR_USE,
  ADJUSTMENT
}
