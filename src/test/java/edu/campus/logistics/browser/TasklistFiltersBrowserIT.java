package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.duty.DutyTasklist;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.survey.SurveyTasklist;
import org.junit.jupiter.api.Test;

/** Each person sees the shared filters and only the queues of their own groups. */
@BrowserTest
class TasklistFiltersBrowserIT {

  @Test
  void generalAffairsHeadSeesTheSharedFiltersAndTheirQueue(Browser browser) {
    TasklistPage tasklist = TasklistPage.login(browser, "wangfang");
    tasklist.openFilter(TasklistFilters.MY_GROUP_TASKS);
    browser.step("wangfang-filters");

    // the duty filter is everyone's (the roster may name anybody), the survey's every employee's (anyone may be
    // drawn); general affairs starts and approves stocktakes
    assertThat(tasklist.filterNames()).containsExactly(TasklistFilters.MY_TODO, TasklistFilters.MY_TASKS, DutyTasklist.MY_DUTY_TASKS,
        TasklistFilters.MY_GROUP_TASKS, SurveyTasklist.MY_QUESTIONNAIRES, TasklistFilters.queueName(CampusGroup.GENERAL_AFFAIRS),
        "清查盘点");
  }

  @Test
  void staffMemberSeesNoGroupQueue(Browser browser) {
    TasklistPage tasklist = TasklistPage.login(browser, "zhangwei");
    browser.step("zhangwei-filters");

    assertThat(tasklist.filterNames()).containsExactly(TasklistFilters.MY_TODO, TasklistFilters.MY_TASKS, DutyTasklist.MY_DUTY_TASKS,
        TasklistFilters.MY_GROUP_TASKS, SurveyTasklist.MY_QUESTIONNAIRES)
        .doesNotContain(TasklistFilters.queueName(CampusGroup.GENERAL_AFFAIRS));
  }
}
