package edu.campus.logistics.ledger;

/**
 * A posting that could not get an item's balance row in time: another posting (on this or another
 * node) held it longer than the lock timeout, or the database chose it as a deadlock victim. Unlike a
 * {@link LedgerException} this is not a refusal: the transaction is spoiled and must roll back, and
 * the step that posted retries later on its modelled cycle. The message is what Cockpit shows on the
 * incident when the retries run out, so it is written for the logistics office.
 */
public class LedgerBusyException extends RuntimeException {

  public LedgerBusyException(String itemCode, Throwable cause) {
    super("库存台账暂时无法过账：物品 " + itemCode + " 正被另一笔过账占用，等待超时。系统会按计划自动重试；"
        + "重试用完后请在 Cockpit 中对此作业点击“重试”。(ledger busy: balance row of " + itemCode
        + " locked by another posting)", cause);
  }
}
