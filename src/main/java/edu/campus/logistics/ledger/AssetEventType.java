package edu.campus.logistics.ledger;

/** What happened to an asset; each event may move its status. */
public enum AssetEventType {
  REGISTERED(AssetStatus.IN_USE),
  MOVED(null),
  DAMAGED(AssetStatus.DAMAGED),
  REPAIRED(AssetStatus.IN_USE),
  RETIRED(AssetStatus.RETIRED),
  /** A stocktake did not find the asset. */
  MISSING(AssetStatus.MISSING),
  /** A later stocktake found an asset recorded missing: in use again (找回). */
  FOUND(AssetStatus.IN_USE),
  /** A stocktake looked at the asset (see {@link AssetRegister#recordAudit}). */
  AUDITED(null);

  private final AssetStatus resultingStatus;

  AssetEventType(AssetStatus resultingStatus) {
    this.resultingStatus = resultingStatus;
  }

  /** The status after the event, or null when the event leaves the status as it is. */
  public AssetStatus resultingStatus() {
    return resultingStatus;
  }
}
