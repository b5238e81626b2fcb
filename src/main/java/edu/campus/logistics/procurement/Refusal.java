package edu.campus.logistics.procurement;

import org.camunda.bpm.engine.BadUserRequestException;

/** Refusals of bad input and of four-eyes violations: one message in Chinese and English. */
final class Refusal {

  private Refusal() {
  }

  static BadUserRequestException of(String chinese, String english) {
    return new BadUserRequestException(chinese + " / " + english);
  }
}
