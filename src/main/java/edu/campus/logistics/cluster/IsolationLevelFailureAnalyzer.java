package edu.campus.logistics.cluster;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Camunda 7.22+ refuses to start when the database connections do not use READ COMMITTED
 * (ENGINE-12019): Spring Boot's "APPLICATION FAILED TO START" report says so and what to change.
 */
public class IsolationLevelFailureAnalyzer implements FailureAnalyzer {

  static final String CODE = "ENGINE-12019";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException && cause.getMessage() != null && cause.getMessage().contains(CODE)) {
        return new FailureAnalysis("The process engine refuses to start: the database connections do not use the "
            + "transaction isolation level READ COMMITTED, the only one Camunda 7 supports (" + cause.getMessage() + ")",
            "Use READ COMMITTED: set CAMPUS_DB_ISOLATION=TRANSACTION_READ_COMMITTED (the postgres profile's default, "
                + "spring.datasource.hikari.transaction-isolation) or the database's default_transaction_isolation "
                + "to 'read committed', then start again.",
            cause);
      }
    }
    return null;
  }
}
