package edu.campus.logistics.repair;

/** What is broken (报修类别); ids are used in repair-sla.dmn and the start form. */
public enum RepairCategory {
  ELECTRICAL("electrical", "电"),
  PLUMBING("plumbing", "水"),
  CARPENTRY("carpentry", "门窗桌椅"),
  BUILDING("building", "房屋"),
  GROUNDS("grounds", "场地绿化"),
  MULTIMEDIA("multimedia", "多媒体"),
  OTHER("other", "其他");

  private final String id;
  private final String label;

  RepairCategory(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }
}
