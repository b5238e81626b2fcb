package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.repair.RepairVariables;
import edu.campus.logistics.webapp.AdminGroupName;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A zh-CN browser (the browsers of {@link Chromium} run with {@code --lang=zh-CN}, here also in the
 * school's time zone) meets Camunda's own texts in Simplified Chinese: the login page, Tasklist's
 * lists, the start dialog with a refused Camunda Form, a task before and after the claim, the logout
 * message, Cockpit's dashboard and processes, Admin and the Welcome page. On every page the share of
 * visible English strings is measured and printed ({@link VisibleLanguage}, target/localization-share.txt)
 * and must be zero outside the allow-list.
 */
@BrowserTest
class LocalizationBrowserIT {

  private static final String SHANGHAI = "Asia/Shanghai";
  private static final By DIALOG_CLOSE = By.cssSelector(".modal-footer button[ng-click='$dismiss()']");
  private static final By DIALOG = By.cssSelector(".modal-dialog .modal-content");
  private static final By START_PROCESS = By.cssSelector(".start-process-action a");
  private static final By PROCESS_LIST = By.cssSelector(".modal-content ul.processes a");
  private static final By SIGN_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
  private static final By LOGIN_NOTIFICATION = By.cssSelector(".notifications .alert");
  private static final By COCKPIT_DASHBOARD = By.cssSelector(".dashboard");
  private static final By ADMIN_USERS = By.cssSelector("table.cam-table tbody tr");

  private static final String REPAIR = "维修申报";
  private static final String LOCATION = "报修地点（楼栋/房间）";
  private static final String CATEGORY = "报修类别";
  private static final String DESCRIPTION = "故障描述";
  private static final String URGENCY = "紧急程度";

  @Autowired
  private HistoryService historyService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private IdentityService identityService;

  @Test
  void tasklistSpeaksChinese(Browser browser) {
    SoftAssertions softly = new SoftAssertions();
    inShanghai(browser);

    Webapp.openLogin(browser, Webapp.TASKLIST);
    DocsImages.publish(browser.step("tasklist-login"), "zh-login.png");
    VisibleLanguage.Share login = chinese(softly, browser, "Tasklist login page");
    softly.assertThat(login.strings()).as("login page (the fields show their names as placeholders)")
        .contains("校园后勤", "用户名", "密码", "登录");
    softly.assertThat(browser.visibleText()).as("the timezone line").contains("日期和时间按本地时区显示：", SHANGHAI);

    TasklistPage tasklist = TasklistPage.login(browser, "zhangwei");
    browser.step("tasklist-main");
    softly.assertThat(browser.visibleText()).as("Tasklist main page").contains("发起流程", "我的任务", "请在列表中选择一个任务。");
    chinese(softly, browser, "Tasklist main page");

    browser.click(START_PROCESS);
    browser.until(driver -> !driver.findElements(PROCESS_LIST).isEmpty(), "processes offered to start");
    browser.step("start-dialog-processes");
    softly.assertThat(browser.visible(DIALOG).getText()).as("start dialog").contains("点击要发起的流程。", "关闭");
    chinese(softly, browser, "start dialog: processes");

    StartProcessDialog procurement = StartProcessDialog.choose(browser, ProcurementSteps.PROCESS_NAME);
    CamundaForm form = procurement.startRefused();
    softly.assertThat(form.awaitErrors(ProcurementSteps.DEPARTMENT)).containsExactly("此项为必填项。");
    DocsImages.publish(browser.step("start-dialog-form-refused"), "zh-start-form.png");
    // a new item's fields (the category dropdown among them) show once the line is marked as a new item
    form.item(ProcurementSteps.ITEMS, 1).choose(ProcurementSteps.NEW_ITEM, ProcurementSteps.NEW_ITEM);
    String dialog = browser.visible(DIALOG).getText();
    softly.assertThat(dialog).as("start dialog with the purchase form").contains("返回", "关闭", "发起", "添加一行", "请选择");
    chinese(softly, browser, "start dialog: procurement form refused");
    browser.click(DIALOG_CLOSE);
    browser.until(ExpectedConditions.invisibilityOfElementLocated(DIALOG), "start dialog closed");

    // a unique location in digits: hexadecimal letters would count as English
    String location = "图书馆二楼阅览室 " + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    StartProcessDialog repair = tasklist.startProcess(REPAIR);
    repair.form().fill(LOCATION, location).select(CATEGORY, "电").fill(DESCRIPTION, "阅览室顶灯不亮")
        .choose(URGENCY, "一般");
    repair.form().awaitValid();
    repair.awaitStartEnabled();
    repair.start();
    browser.step("repair-reported");

    Webapp.logout(browser);
    browser.until(driver -> driver.findElements(LOGIN_NOTIFICATION).stream()
        .anyMatch(alert -> alert.getText().contains("已成功退出登录")), "logout message");
    browser.step("tasklist-logout");
    softly.assertThat(browser.visibleText()).as("logout message").contains("已成功退出登录", "感谢您今天使用本系统");
    chinese(softly, browser, "Tasklist logout message");

    String dispatchId = dispatchTaskAt(location);
    TasklistPage staff = TasklistPage.login(browser, "zhengkai")
        .awaitTaskWithId(TasklistFilters.queueName(CampusGroup.LOGISTICS_STAFF), "受理派工", dispatchId);
    browser.step("tasklist-queue");
    chinese(softly, browser, "Tasklist queue");

    TaskPane task = staff.openTaskWithId("受理派工", dispatchId);
    browser.step("task-opened");
    softly.assertThat(browser.visibleText()).as("an opened task").contains("认领", "表单", "历史", "流程图", "描述");
    chinese(softly, browser, "Tasklist task opened");

    task.claim();
    DocsImages.publish(browser.step("task-claimed"), "zh-task.png");
    softly.assertThat(browser.visibleText()).as("a claimed task").contains("保存", "完成", "设置跟进日期", "设置到期日期");
    chinese(softly, browser, "Tasklist task claimed");

    softly.assertAll();
  }

  @Test
  void cockpitAdminAndWelcomeSpeakChinese(Browser browser) {
    SoftAssertions softly = new SoftAssertions();
    inShanghai(browser);

    Webapp.openLogin(browser, Webapp.COCKPIT);
    browser.step("cockpit-login");
    chinese(softly, browser, "Cockpit login page");

    CockpitPage cockpit = CockpitPage.login(browser, "gaoming");
    browser.visible(COCKPIT_DASHBOARD);
    browser.until(driver -> browser.visibleText().contains("运行中的流程实例"), "Cockpit dashboard figures");
    DocsImages.publish(browser.step("cockpit-dashboard"), "zh-cockpit-dashboard.png");
    softly.assertThat(browser.visibleText()).as("Cockpit dashboard")
        .contains("流程", "决策", "人工任务", "运行中的流程实例", "未解决的异常", "已部署", "流程定义");
    chinese(softly, browser, "Cockpit dashboard");

    cockpit.openProcesses();
    browser.step("cockpit-processes");
    Set<String> processKeys = repositoryService.createProcessDefinitionQuery().list().stream()
        .map(ProcessDefinition::getKey).collect(Collectors.toSet());
    chinese(softly, browser, "Cockpit processes", processKeys);
    Webapp.logout(browser);

    Webapp.login(browser, Webapp.ADMIN, "admin", "admin");
    browser.open("/camunda/app/admin/default/#/users");
    browser.until(driver -> !driver.findElements(ADMIN_USERS).isEmpty(), "Admin users listed");
    browser.step("admin-users");
    softly.assertThat(browser.visibleText()).as("Admin users").contains("用户列表", "用户组", "授权", "添加用户");
    Set<String> userIds = identityService.createUserQuery().list().stream().map(User::getId)
        .collect(Collectors.toSet());
    chinese(softly, browser, "Admin users", userIds);

    browser.open("/camunda/app/welcome/default/");
    Webapp.brand(browser);
    browser.until(driver -> browser.visibleText().contains("应用"), "Welcome page applications");
    browser.step("welcome");
    softly.assertThat(browser.visibleText()).as("Welcome page: the admin's group").contains(AdminGroupName.CHINESE);
    chinese(softly, browser, "Welcome page");

    softly.assertAll();
  }

  /** English stays reachable: ?lang=en once switches this browser's four webapps to English, ?lang=zh back. */
  @Test
  void englishOnRequestAndBack(Browser browser) {
    browser.open("/camunda/app/tasklist/default/?lang=en#/login");
    browser.until(driver -> "Log in".equals(browser.visible(SIGN_IN).getText().trim()), "English login page");
    browser.step("tasklist-login-english");

    browser.open("/camunda/app/cockpit/default/#/login");
    browser.until(driver -> "Log in".equals(browser.visible(SIGN_IN).getText().trim()),
        "Cockpit English too, without the parameter");

    browser.open("/camunda/app/cockpit/default/?lang=zh#/login");
    browser.until(driver -> "登录".equals(browser.visible(SIGN_IN).getText().trim()), "Chinese again");
    browser.open("/camunda/app/tasklist/default/#/login");
    browser.until(driver -> "登录".equals(browser.visible(SIGN_IN).getText().trim()), "Tasklist Chinese again");
    browser.step("tasklist-login-chinese-again");
  }

  /** Measures the page and requires that no visible string is English (outside the allow-list). */
  private static VisibleLanguage.Share chinese(SoftAssertions softly, Browser browser, String page) {
    return chinese(softly, browser, page, Set.of());
  }

  /** Like {@link #chinese(SoftAssertions, Browser, String)} for a page listing these ids as its data. */
  private static VisibleLanguage.Share chinese(SoftAssertions softly, Browser browser, String page, Set<String> ids) {
    VisibleLanguage.Share share = VisibleLanguage.measure(browser, page, ids);
    softly.assertThat(share.strings()).as(page + ": visible strings").isNotEmpty();
    softly.assertThat(share.english()).as(page + ": English strings (" + share + ")").isEmpty();
    return share;
  }

  /**
   * The browser as in China: the school's time zone (the test machine runs in UTC) and zh-CN as the
   * locale of dates and numbers (headless Chromium keeps en-US there despite --lang=zh-CN).
   */
  private static void inShanghai(Browser browser) {
    ChromeDriver chromium = (ChromeDriver) browser.driver();
    chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", SHANGHAI));
    chromium.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "zh-CN"));
  }

  private String dispatchTaskAt(String location) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .variableName(RepairVariables.LOCATION).variableValueEquals(RepairVariables.LOCATION, location).singleResult();
    assertThat(variable).as("a repair reported at " + location).isNotNull();
    return new CaseTasks(taskService, variable.getProcessInstanceId()).id("Task_DispatchRepair");
  }
}
