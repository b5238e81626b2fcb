package edu.campus.logistics.patrol;

import java.util.List;

/**
 * One planned round of a day: an area's morning round (daily patrol) or an inspection due that day,
 * as a row of the planning table gave it. An entry of the JSON variable {@code plannedRounds}.
 *
 * @param key            {@code area/round}, unique within the day's case
 * @param area           area code ({@code dorm}) or, for an inspection, the plan code
 * @param areaName       where it is (教学楼, 配电室): the location of the repairs it starts
 * @param round          round code ({@code morning}) or inspection plan code
 * @param roundName      晨巡, 消防器材月检
 * @param dueAt          ISO-8601 instant by which it is to be done
 * @param assignee       the responsible person (user id), or null
 * @param candidateGroup the responsible group, or null (exactly one of the two is set)
 * @param items          the checklist item codes, in the table's order
 * @param assetTag       the asset an inspection is for (repairs carry it), or null
 */
public record ChecklistRound(String key, String area, String areaName, String round, String roundName, String dueAt,
                             String assignee, String candidateGroup, List<String> items, String assetTag) {

  /** Who is responsible, as the report names them: the person, else the group. */
  public String responsible() {
    return assignee != null ? assignee : candidateGroup;
  }
}
