package edu.campus.logistics.ledger;

import java.time.Instant;

/**
 * The time the ledger stamps its entries and asset events with. The application gives it the
 * process engine's clock, so a posting made by a process step carries the step's time; the ledger
 * itself knows no engine type.
 */
@FunctionalInterface
public interface LedgerClock {

  Instant now();
}
