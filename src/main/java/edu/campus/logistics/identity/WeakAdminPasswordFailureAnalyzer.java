package edu.campus.logistics.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused administrator password into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WeakAdminPasswordException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set CAMUNDA_ADMIN_ID and a strong CAMUNDA_ADMIN_PASSWORD (at least 10 characters with upper- and "
            + "lower-case letters, a digit and a special character) in the environment, then start again.",
        cause);
  }
}
