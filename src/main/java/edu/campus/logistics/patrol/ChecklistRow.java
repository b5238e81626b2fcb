package edu.campus.logistics.patrol;

/** One submitted row of the checklist form: the item, ok or defect, and for a defect its note and urgency. */
record ChecklistRow(String item, String itemName, String result, String note, String urgency) {

  static final String OK = "ok";
  static final String DEFECT = "defect";
  static final String NORMAL = "normal";
  static final String URGENT = "urgent";
}
