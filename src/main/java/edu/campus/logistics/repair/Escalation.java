package edu.campus.logistics.repair;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One recorded escalation (三级督查) of a repair case, an entry of the JSON list variable
 * {@code escalations}.
 *
 * @param stage    {@code response} (not dispatched in time) or {@code resolution} (not fixed in time)
 * @param level    1 = logistics-head, 2 = principal
 * @param group    the group that got the supervision task
 * @param round    the dispatch round (= reopenCount) in which it happened
 * @param at       when the deadline was found broken (ISO-8601 instant)
 * @param handledBy who completed the supervision task (null while open)
 * @param handledAt when (null while open)
 * @param note     the supervisor's instruction (督办意见)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Escalation(String stage, int level, String group, int round, String at, String handledBy,
                         String handledAt, String note) {

  Escalation handled(String by, String when, String instruction) {
    return new Escalation(stage, level, group, round, at, by, when, instruction);
  }
}
