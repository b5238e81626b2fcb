package edu.campus.logistics.notifications;

/**
 * Who a message goes to: a user (id = user id) or a group's robot (id = {@code group:<group id>}),
 * with the addresses their preferences allow: an e-mail address, a robot webhook, either may be null.
 */
record Recipient(String id, String email, String webhook) {

  static Recipient group(String groupId, String webhook) {
    return new Recipient("group:" + groupId, null, webhook);
  }
}
