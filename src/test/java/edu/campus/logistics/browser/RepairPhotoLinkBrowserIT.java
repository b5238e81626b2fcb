package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.repair.RepairVariables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The photo a reporter took on the phone (扫码报修) is one click away on the dispatch form in
 * Tasklist: "现场照片：查看报修人拍的照片" links to the photo endpoint, which answers the first
 * responder; a report without a photo shows no such line.
 */
@BrowserTest
class RepairPhotoLinkBrowserIT {

  private static final String TASK_DISPATCH = "受理派工";
  private static final By PHOTO_LINK = By.xpath("//form[contains(@class,'fjs-form')]//a[normalize-space(.)='查看报修人拍的照片']");

  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private Environment environment;

  @Test
  void theDispatchFormLinksToTheReportersPhotoOnlyWhenThereIsOne(Browser browser) throws Exception {
    ProcessInstance withPhoto = report("灯管闪烁 " + UUID.randomUUID().toString().substring(0, 8));
    ProcessInstance without = report("门锁损坏 " + UUID.randomUUID().toString().substring(0, 8));
    String photoPath = "/api/scan/reports/" + withPhoto.getId() + "/photo";
    // a PNG as far as the upload checks it (its signature); the form only links to it
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    assertThat(post(photoPath, "zhangwei", png)).isEqualTo(204);

    TasklistPage staff = TasklistPage.login(browser, "zhengkai");
    String queue = TasklistFilters.queueName(CampusGroup.LOGISTICS_STAFF);
    String dispatchId = dispatch(withPhoto);
    staff.awaitTaskWithId(queue, TASK_DISPATCH, dispatchId);
    TaskPane pane = staff.openTaskWithId(TASK_DISPATCH, dispatchId);
    assertThat(pane.form().text()).contains("现场照片");
    WebElement link = browser.visible(PHOTO_LINK);
    assertThat(link.getAttribute("href")).endsWith(photoPath);
    browser.step("dispatch-form-photo-link");
    pane.claim();
    assertThat(getAs(photoPath, "zhengkai")).as("the link answers the first responder").isEqualTo(200);

    String otherId = dispatch(without);
    staff.awaitTaskWithId(queue, TASK_DISPATCH, otherId);
    TaskPane other = staff.openTaskWithId(TASK_DISPATCH, otherId);
    assertThat(other.form().text()).doesNotContain("现场照片");
    assertThat(browser.all(PHOTO_LINK)).isEmpty();
  }

  @Test
  void tasklistsRepairStartFormSuggestsThePlacesOfTheRegister(Browser browser) {
    String location = new CampusApi(environment).get("/api/scan/locations", "zhangwei").path("locations").get(0)
        .path("location").asText();
    assertThat(location).as("the demo register has places").isNotBlank();

    StartProcessDialog dialog = TasklistPage.login(browser, "zhangwei").startProcess("维修申报");
    dialog.form();
    WebElement field = browser.visible(By.cssSelector("input[id*='Field_Location']"));
    browser.until(driver -> "campus-places".equals(field.getAttribute("list")), "the places offered under 报修地点");
    List<String> offered = browser.until(driver -> {
      List<String> values = driver.findElements(By.cssSelector("datalist#campus-places option")).stream()
          .map(option -> option.getAttribute("value")).toList();
      return values.isEmpty() ? null : values;
    }, "the register's places listed");
    assertThat(offered).contains(location);
    browser.step("repair-start-places");
  }

  private ProcessInstance report(String description) {
    identityService.setAuthentication("zhangwei", List.of(CampusGroup.STAFF.id()));
    try {
      return runtimeService.startProcessInstanceByKey(ProcessKeys.REPAIR, Map.of(RepairVariables.LOCATION, "教学楼 301教室",
          RepairVariables.CATEGORY, "electrical", RepairVariables.DESCRIPTION, description, RepairVariables.URGENCY, "normal"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String dispatch(ProcessInstance repair) {
    return taskService.createTaskQuery().processInstanceId(repair.getId()).taskDefinitionKey("Task_DispatchRepair")
        .singleResult().getId();
  }

  private int post(String path, String user, byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
        .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private int getAs(String path, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user)).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String base() {
    return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
