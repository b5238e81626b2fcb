package edu.campus.logistics.procurement;

/** What the requester does with a request returned for revision ({@code requesterAction}). */
public enum RequesterAction implements Choice {
  RESUBMIT("resubmit", "修改后重新提交"),
  WITHDRAW("withdraw", "撤回申请");

  private final String id;
  private final String label;

  RequesterAction(String id, String label) {
    this.id = id;
    this.label = label;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String label() {
    return label;
  }
}
