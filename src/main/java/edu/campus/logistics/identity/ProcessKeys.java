package edu.campus.logistics.identity;

/** Keys (= BPMN file names) of the processes the application deploys (processes/&lt;feature&gt;/*.bpmn). */
public final class ProcessKeys {

  public static final String PROCUREMENT = "procurement";
  public static final String REPAIR = "repair";
  public static final String DAMAGE_COMPENSATION = "damage-compensation";
  public static final String FEEDBACK = "feedback";

  private ProcessKeys() {
  }
}
