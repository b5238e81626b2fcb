package edu.campus.logistics.ledger;

import java.util.Arrays;

/** Categories of stock items; ids are used in DMN tables and forms, labels are what people read. */
public enum ItemCategory {
  OFFICE("office", "办公用品"),
  CLEANING("cleaning", "清洁用品"),
  ELECTRICAL("electrical", "电料"),
  PLUMBING("plumbing", "水暖"),
  FURNITURE("furniture", "家具"),
  EQUIPMENT("equipment", "教学设备"),
  OTHER("other", "其他");

  private final String id;
  private final String label;

  ItemCategory(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static boolean isKnown(String id) {
    return Arrays.stream(values()).anyMatch(category -> category.id.equals(id));
  }
}
