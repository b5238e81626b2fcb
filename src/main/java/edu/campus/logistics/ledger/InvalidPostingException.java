package edu.campus.logistics.ledger;

/** A posting that is malformed: zero or negative quantity, missing cost, too many lines, ... */
public class InvalidPostingException extends LedgerException {

  public static final String CODE = "INVALID_POSTING";

  public InvalidPostingException(String message) {
    super(CODE, message);
  }
}
