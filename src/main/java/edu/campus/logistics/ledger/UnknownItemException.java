package edu.campus.logistics.ledger;

/** A posting or lookup names an item code or asset tag the ledger does not know. */
public class UnknownItemException extends LedgerException {

  public static final String CODE = "UNKNOWN_ITEM";

  public UnknownItemException(String what, String id) {
    super(CODE, "unknown " + what + ": " + id);
  }
}
