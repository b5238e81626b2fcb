package edu.campus.logistics.scan;

/** A place that carries a printed QR code: a room or spot in a building (教学楼 301教室). */
public record Place(String code, String building, String room) {

  /** The repair's {@code location} as the start form's field holds it: "教学楼 301教室". */
  public String location() {
    return building + " " + room;
  }
}
