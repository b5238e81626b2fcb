package edu.campus.logistics.procurement;

/** Outcome of the goods inspection 验收 ({@code inspectionResult}). */
public enum InspectionResult implements Choice {
  ACCEPTED("accepted", "全部验收合格"),
  PARTIAL("partial", "部分验收合格"),
  REJECTED("rejected", "验收不合格，退货");

  private final String id;
  private final String label;

  InspectionResult(String id, String label) {
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
