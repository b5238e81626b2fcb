package edu.campus.logistics.cases;

import edu.campus.logistics.ledger.LedgerClock;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The ledger's clock is the engine's ({@code ClockUtil}): postings and process history share one time line. */
@Component
class EngineClock implements LedgerClock {

  @Override
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
