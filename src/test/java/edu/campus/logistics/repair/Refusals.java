package edu.campus.logistics.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Asserts that the process refused an action with a {@link BadUserRequestException} and a message
 * a user can act on. Task listeners' refusals reach a Java caller wrapped by the engine
 * (ENGINE-03051), so the refusal is looked up in the cause chain.
 */
final class Refusals {

  private Refusals() {
  }

  static void assertRefused(ThrowingCallable action, String... messageParts) {
    Throwable thrown = catchThrowable(action);
    assertThat(thrown).as("the action should have been refused").isNotNull();
    BadUserRequestException refusal = null;
    for (Throwable cause = thrown; cause != null && refusal == null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException found) {
        refusal = found;
      }
    }
    assertThat(refusal).as("a BadUserRequestException in %s", thrown).isNotNull();
    for (String part : messageParts) {
      assertThat(refusal.getMessage()).contains(part);
    }
  }
}
