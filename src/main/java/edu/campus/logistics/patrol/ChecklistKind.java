package edu.campus.logistics.patrol;

import edu.campus.logistics.identity.ProcessKeys;
import java.util.Arrays;

/** The two processes that work through checklists, and what differs between them. */
enum ChecklistKind {

  DAILY_PATROL(ProcessKeys.DAILY_PATROL, "patrol-items", "日巡", "巡查"),
  INSPECTION(ProcessKeys.INSPECTION, "inspection-items", "定期检查", "检查");

  final String processKey;
  /** The decision table of the checklist items (code → name, repair category), deployed with the process. */
  final String itemsDecision;
  /** How the repair description names the source (日巡 XJ-2026-0001 …). */
  final String sourceName;
  /** What the round is called in messages (巡查 / 检查). */
  final String roundWord;

  ChecklistKind(String processKey, String itemsDecision, String sourceName, String roundWord) {
    this.processKey = processKey;
    this.itemsDecision = itemsDecision;
    this.sourceName = sourceName;
    this.roundWord = roundWord;
  }

  static ChecklistKind of(String processDefinitionKey) {
    return Arrays.stream(values()).filter(kind -> kind.processKey.equals(processDefinitionKey)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a checklist process: " + processDefinitionKey));
  }
}
