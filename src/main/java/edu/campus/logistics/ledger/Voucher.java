package edu.campus.logistics.ledger;

/**
 * The document a posting belongs to. {@code key} is unique: posting the same voucher twice is a
 * no-op that returns the first posting, so a retried job never posts twice.
 *
 * @param key unique voucher key, e.g. {@code procurement:<processInstanceId>:Task_StockGoods}
 * @param processInstanceId the process instance that caused the movement (null for manual postings)
 * @param businessKey the case's business key, shown to people
 * @param activityId the BPMN activity that posted
 * @param actor the user accountable for the movement (the storekeeper, technician, ...)
 */
public record Voucher(String key, String processInstanceId, String businessKey, String activityId,
                      String actor) {

  public Voucher {
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new InvalidPostingException("voucher key must be 1..200 characters");
    }
    if (actor == null || actor.isBlank()) {
      throw new InvalidPostingException("a posting needs an accountable actor");
    }
  }

  /**
   * A voucher for a step of a process: key = process definition key, process instance id, activity id
   * and the given discriminators (e.g. a round counter when the step can repeat).
   */
  public static Voucher forStep(String processDefinitionKey, String processInstanceId, String businessKey,
                                String activityId, String actor, Object... discriminators) {
    StringBuilder key = new StringBuilder()
        .append(processDefinitionKey).append(':')
        .append(processInstanceId).append(':')
        .append(activityId);
    for (Object discriminator : discriminators) {
      key.append(':').append(discriminator);
    }
    return new Voucher(key.toString(), processInstanceId, businessKey, activityId, actor);
  }

  /** A voucher typed in by a person outside any process (e.g. an opening balance). */
  public static Voucher manual(String key, String actor) {
    return new Voucher(key, null, null, null, actor);
  }
}
