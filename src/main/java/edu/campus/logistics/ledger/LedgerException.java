package edu.campus.logistics.ledger;

/**
 * A posting the ledger refuses. It is always raised before anything is written, so the caller's
 * transaction stays usable: a delegate may turn it into a BPMN error and carry on.
 */
public class LedgerException extends RuntimeException {

  private final String code;

  public LedgerException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Stable machine-readable reason, also used as the BPMN error code by delegates. */
  public String getCode() {
    return code;
  }
}
