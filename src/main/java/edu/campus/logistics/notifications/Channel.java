package edu.campus.logistics.notifications;

import edu.campus.logistics.notifications.Outbox.Message;

/** A way to reach people: e-mail, a chat robot. */
interface Channel {

  /** The channel's id in the outbox ({@code email}, {@code robot}). */
  String id();

  /** Whether it can send now; when not, the deliverer logs what it would have sent instead. */
  boolean configured();

  /** Sends one message; an exception's {@link DeliveryFailure#getMessage()} is the reason shown in the failure report. */
  void send(Message message) throws DeliveryFailure;

  /** Why a message did not go out, in Chinese (the failure report) with the technical cause. */
  class DeliveryFailure extends Exception {

    DeliveryFailure(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
