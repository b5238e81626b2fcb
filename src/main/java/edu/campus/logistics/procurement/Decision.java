package edu.campus.logistics.procurement;

/** An approver's decision ({@code decision}); ids are what forms submit, labels what people read. */
public enum Decision implements Choice {
  APPROVE("approve", "同意"),
  REJECT("reject", "驳回"),
  REVISE("revise", "退回修改");

  private final String id;
  private final String label;

  Decision(String id, String label) {
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

  /** Reject and revise must say why. */
  public boolean needsComment() {
    return this != APPROVE;
  }
}
