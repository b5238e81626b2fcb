package edu.campus.logistics.scan;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import edu.campus.logistics.repair.RepairVariables;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 扫码报修 through the doors people use: the codes logistics staff print (decoded as a phone would),
 * the sheet of a building, what a scanned code pre-fills, and a report and its confirmation made in a
 * webapp session through Tasklist's own API — the same checks as in Tasklist.
 */
@CampusTest
class ScanTest {

  /** The test profile leaves {@code campus.scan.public-base-url} at its default. */
  private static final String PAGE = "http://localhost:8080/scan/report.html";
  private static final String PRINTER = "zhengkai";
  private static final String REPORTER = "zhangwei";
  private static final String TECHNICIAN = "hejun";
  private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

  @LocalServerPort
  private int port;
  @Autowired
  private ProcessEngine engine;
  @Autowired
  private LedgerService ledger;
  @Autowired
  private AssetRegister assets;

  private TestHttp http;
  private String building;
  private String placeCode;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    building = "科技楼" + suffix;
    placeCode = "KJL-" + suffix;
    Answer saved = http.send("PUT", "/api/scan/places/" + placeCode, PRINTER, PRINTER, "application/json",
        TestHttp.json(Map.of("building", building, "room", "301教室")));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  @Test
  void everyReporterReadsThePlacesAsTheStartFormsLocationButOnlyPrintersTheRegister() {
    Answer locations = http.get("/api/scan/locations", "liuyang");
    assertThat(locations.status()).as(locations.body()).isEqualTo(200);
    assertThat(locations.json().path("locations").findValuesAsText("location")).contains(building + " 301教室");
    assertThat(locations.body()).as("code and location only").doesNotContain("updatedBy", "building");
    assertThat(http.get("/api/scan/locations", null).status()).isEqualTo(401);
    assertThat(http.get("/api/scan/places", "liuyang").status()).as("the register itself").isEqualTo(403);
  }

  @Test
  void theCodesOfAPlaceAndAnAssetCardLeadToThePhonePage() {
    String tag = registerProjector(building + " 302教室");

    assertThat(QrCodes.decode(png("/api/scan/places/" + placeCode + "/qr.png", PRINTER)))
        .isEqualTo(PAGE + "?place=" + placeCode);
    assertThat(QrCodes.decode(png("/api/scan/assets/" + tag + "/qr.png", PRINTER))).isEqualTo(PAGE + "?asset=" + tag);

    Answer sheet = http.get("/api/scan/sheet?building=" + encode(building), PRINTER);
    assertThat(sheet.status()).isEqualTo(200);
    assertThat(sheet.header("Content-Type")).startsWith("text/html");
    assertThat(sheet.body()).contains(building + " 301教室", "地点编码 " + placeCode, "投影仪 · " + building + " 302教室",
        "资产编号 " + tag, "扫码报修", "@media print");
    assertThat(QrCodes.decodeSheet(sheet.body())).containsExactly(PAGE + "?place=" + placeCode, PAGE + "?asset=" + tag);

    Answer unknown = http.get("/api/scan/sheet?building=" + encode("无此楼" + placeCode), PRINTER);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("没有登记的报修地点或资产卡片");
  }

  @Test
  void aPlaceNameIsPrintedAsTextNeverAsMarkup() {
    http.send("PUT", "/api/scan/places/" + placeCode, PRINTER, PRINTER, "application/json",
        TestHttp.json(Map.of("building", building, "room", "<script>alert(1)</script>")));
    Answer sheet = http.get("/api/scan/sheet?building=" + encode(building), PRINTER);
    assertThat(sheet.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(sheet.header("Content-Security-Policy")).contains("default-src 'none'");
  }

  @Test
  void aScannedCodePreFillsThePlaceOrTheAssetCard() {
    Answer place = http.get("/api/scan/target?place=" + placeCode, REPORTER);
    assertThat(place.status()).isEqualTo(200);
    assertThat(place.json().path("location").asText()).isEqualTo(building + " 301教室");

    String tag = registerProjector(building + " 302教室");
    Answer asset = http.get("/api/scan/target?asset=" + tag, REPORTER);
    assertThat(asset.json().path("assetTag").asText()).isEqualTo(tag);
    assertThat(asset.json().path("location").asText()).isEqualTo(building + " 302教室");
    assertThat(asset.json().path("label").asText()).contains("投影仪", tag);
  }

  @Test
  void aForgedPlaceOrAssetTagIsRefusedInChineseAndStartsNothing() {
    long repairs = repairCount();

    Answer place = http.get("/api/scan/target?place=KJL-FORGED-" + placeCode, REPORTER);
    assertThat(place.status()).isEqualTo(400);
    assertThat(place.message()).startsWith("地点编码 KJL-FORGED-" + placeCode + " 不在报修地点登记中");
    Answer asset = http.get("/api/scan/target?asset=ZC2099-999999", REPORTER);
    assertThat(asset.status()).isEqualTo(400);
    assertThat(asset.message()).startsWith("资产编号 ZC2099-999999 在资产台账中不存在或已报废");
    Answer markup = http.get("/api/scan/target?place=" + encode("<img src=x>"), REPORTER);
    assertThat(markup.status()).isEqualTo(400);
    assertThat(markup.message()).doesNotContain("<");
    assertThat(http.get("/api/scan/assets/ZC2099-999999/qr.png", PRINTER).status()).isEqualTo(400);

    // the page's own door: a forged tag sent to Tasklist's start-form submit is the start form's refusal
    WebappSession phone = loggedIn(REPORTER);
    Answer started = phone.send("POST", TASKLIST_API + "/process-definition/key/repair/submit-form", "application/json",
        startForm(building + " 301教室", "ZC2099-999999"));
    assertThat(started.status()).isEqualTo(400);
    assertThat(started.message()).contains("资产编号 ZC2099-999999 在资产台账中不存在");
    assertThat(repairCount()).isEqualTo(repairs);
  }

  @Test
  void onlySignedInPeopleScanAndOnlyLogisticsStaffPrint() {
    assertThat(http.get("/api/scan/target?place=" + placeCode, null).status()).isEqualTo(401);
    assertThat(http.get("/api/scan/reports", null).status()).isEqualTo(401);
    assertThat(http.get("/api/scan/session", null).status()).isEqualTo(401);
    assertThat(http.get("/api/scan/sheet?building=" + encode(building), null).status()).isEqualTo(401);
    assertThat(http.get("/api/scan/places/" + placeCode + "/qr.png", "wrong-user").status()).isEqualTo(401);
    Answer anonymousStart = http.send("POST", TASKLIST_API + "/process-definition/key/repair/submit-form", null, null,
        "application/json", startForm(building + " 301教室", null));
    assertThat(anonymousStart.status()).isIn(401, 403);

    assertThat(http.get("/api/scan/sheet?building=" + encode(building), REPORTER).status()).isEqualTo(403);
    assertThat(http.get("/api/scan/places/" + placeCode + "/qr.png", REPORTER).status()).isEqualTo(403);
    assertThat(http.send("PUT", "/api/scan/places/" + placeCode, REPORTER, REPORTER, "application/json",
        TestHttp.json(Map.of("building", "别的楼", "room", "1"))).status()).isEqualTo(403);
    assertThat(http.get("/api/scan/target?place=" + placeCode, REPORTER).json().path("location").asText())
        .isEqualTo(building + " 301教室");

    Answer malformed = http.send("PUT", "/api/scan/places/jxl-301", PRINTER, PRINTER, "application/json",
        TestHttp.json(Map.of("building", building, "room", "1")));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.message()).startsWith("地点编码只能由大写字母、数字和连字符组成");
    Answer noRoom = http.send("PUT", "/api/scan/places/" + placeCode, PRINTER, PRINTER, "application/json",
        TestHttp.json(Map.of("building", building, "room", " ")));
    assertThat(noRoom.status()).isEqualTo(400);
    assertThat(noRoom.message()).startsWith("房间必填");
  }

  @Test
  void aReportFromThePhoneIsTheRepairCaseAndOnlyTheReporterConfirmsIt() {
    WebappSession phone = loggedIn(REPORTER);
    assertThat(phone.get("/api/scan/target?place=" + placeCode).status()).isEqualTo(200);
    Answer session = phone.get("/api/scan/session");
    assertThat(session.json().path("name").asText()).isEqualTo("张伟");
    assertThat(session.json().path("csrfToken").asText()).isEqualTo(phone.csrfToken()).isNotBlank();

    Answer started = phone.send("POST", TASKLIST_API + "/process-definition/key/repair/submit-form", "application/json",
        startForm(building + " 301教室", null));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("id").asText();
    assertThat(started.json().path("businessKey").asText()).matches("BX-\\d{4}-\\d{4,}");
    ProcessInstance repair = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(engine.getRuntimeService().getVariables(id)).containsEntry(RepairVariables.LOCATION, building + " 301教室")
        .containsEntry(RepairVariables.REPORTER_ID, REPORTER).containsEntry(RepairVariables.CATEGORY, "plumbing")
        .containsEntry(RepairVariables.URGENCY, "normal");

    Answer waiting = phone.get("/api/scan/reports/" + id);
    assertThat(waiting.json().path("businessKey").asText()).isEqualTo(repair.getBusinessKey());
    assertThat(waiting.json().path("firstResponder").isMissingNode()).isTrue();

    OpenTasks cases = new OpenTasks(engine);
    Map<String, Object> dispatch = OpenTasks.restValues(OpenTasks.completion("Task_DispatchRepair"));
    dispatch.put(RepairVariables.TECHNICIAN, TECHNICIAN);
    cases.claimAndComplete(OpenTasks.FIRST_RESPONDER, cases.task(repair, "Task_DispatchRepair"), dispatch);
    Answer taken = phone.get("/api/scan/reports/" + id);
    assertThat(taken.json().path("firstResponder").asText()).isEqualTo("冯雪");
    assertThat(taken.json().path("confirmTaskId").isMissingNode()).isTrue();

    cases.claimAndComplete(TECHNICIAN, cases.task(repair, "Task_RepairWork"),
        OpenTasks.restValues(OpenTasks.completion("Task_RepairWork")));
    cases.executeJobs(repair);
    Task confirm = cases.task(repair, MyReports.CONFIRM_TASK);
    Answer done = phone.get("/api/scan/reports/" + id);
    assertThat(done.json().path("confirmTaskId").asText()).isEqualTo(confirm.getId());
    assertThat(phone.get("/api/scan/reports").json().path("reports").findValuesAsText("id")).contains(id);

    // nobody else reads the report or confirms it
    assertThat(loggedIn("liuyang").get("/api/scan/reports/" + id).status()).isEqualTo(404);
    assertThat(loggedIn("liuyang").get("/api/scan/reports").json().path("reports").findValuesAsText("id")).doesNotContain(id);
    Answer technician = loggedIn(TECHNICIAN).send("POST", TASKLIST_API + "/task/" + confirm.getId() + "/submit-form",
        "application/json", confirmForm());
    assertThat(technician.status()).isIn(403, 404);

    Answer confirmed = phone.send("POST", TASKLIST_API + "/task/" + confirm.getId() + "/submit-form", "application/json",
        confirmForm());
    assertThat(confirmed.status()).as(confirmed.body()).isIn(200, 204);
    assertThat(engine.getRuntimeService().getVariable(id, RepairVariables.FIXED)).isEqualTo(true);
    assertThat(cases.task(repair, "Task_CloseCase")).isNotNull();
    assertThat(phone.get("/api/scan/reports/" + id).json().path("confirmTaskId").isMissingNode()).isTrue();
  }

  @Test
  void onlyTheReporterAddsAPhotoAndOnlyThoseWhoSeeTheCaseSeeIt() {
    OpenTasks cases = new OpenTasks(engine);
    ProcessInstance repair = cases.as(REPORTER, () -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.REPAIR,
        Map.of(RepairVariables.LOCATION, building + " 301教室", RepairVariables.CATEGORY, "electrical",
            RepairVariables.DESCRIPTION, "灯管闪烁", RepairVariables.URGENCY, "normal")));
    String photoPath = "/api/scan/reports/" + repair.getId() + "/photo";
    byte[] png = new ScanCodes("http://localhost").png("灯管闪烁的照片");

    assertThat(bytes("POST", photoPath, "liuyang", "image/png", png).status()).isEqualTo(404);
    assertThat(engine.getRuntimeService().getVariable(repair.getId(), RepairVariables.PHOTO_URL))
        .as("no link before there is a photo").isNull();
    assertThat(bytes("POST", photoPath, REPORTER, "image/png", png).status()).isEqualTo(204);
    // the dispatch form (Tasklist loads its variables so) links to the photo: Text_Photo shows with photoUrl
    String dispatch = cases.task(repair, "Task_DispatchRepair").getId();
    Answer formVariables = http.get("/engine-rest/task/" + dispatch + "/form-variables", "gaoming");
    assertThat(formVariables.status()).as(formVariables.body()).isEqualTo(200);
    assertThat(formVariables.json().path(RepairVariables.PHOTO_URL).path("value").asText()).isEqualTo(photoPath);
    Bytes refused = bytes("POST", photoPath, REPORTER, "text/plain", "<html>".getBytes());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("照片只能是 JPEG、PNG 或 WebP 图片");
    Bytes disguised = bytes("POST", photoPath, REPORTER, "image/jpeg", png);
    assertThat(disguised.status()).isEqualTo(400);
    assertThat(disguised.text()).contains("文件内容不是所声明的图片格式");
    byte[] huge = new byte[ReportPhotos.MAX_BYTES + 1];
    System.arraycopy(png, 0, huge, 0, png.length);
    Bytes tooLarge = bytes("POST", photoPath, REPORTER, "image/png", huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.text()).contains("照片不能超过 2 MB");

    Bytes mine = bytes("GET", photoPath, REPORTER, null, null);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.contentType()).startsWith("image/png");
    assertThat(mine.body()).isEqualTo(png);
    assertThat(bytes("GET", photoPath, "liuyang", null, null).status()).isEqualTo(404);
    assertThat(bytes("GET", photoPath, null, null, null).status()).isEqualTo(401);
    // the first responder sees it once the case's tasks are theirs; the head of logistics reads every repair
    cases.claim(OpenTasks.FIRST_RESPONDER, cases.task(repair, "Task_DispatchRepair"));
    assertThat(bytes("GET", photoPath, OpenTasks.FIRST_RESPONDER, null, null).body()).isEqualTo(png);
    assertThat(bytes("GET", photoPath, "gaoming", null, null).status()).isEqualTo(200);
  }

  @Test
  void thePhonePageIsServedByTheApplicationWithoutAnythingFromElsewhere() {
    for (String file : List.of("report.html", "report.js", "report.css")) {
      Answer answer = http.get("/scan/" + file, null);
      assertThat(answer.status()).as(file).isEqualTo(200);
      assertThat(answer.body()).as(file).doesNotContain("http://", "https://", "//cdn");
    }
    assertThat(http.get("/scan/report.html", null).body()).contains("扫码报修", "width=device-width");
  }

  private long repairCount() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR).count();
  }

  private WebappSession loggedIn(String user) {
    WebappSession session = http.webapp();
    Answer login = session.login("tasklist", user, user);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return session;
  }

  private static String startForm(String location, String assetTag) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("location", Map.of("value", location, "type", "String"));
    variables.put("category", Map.of("value", "plumbing", "type", "String"));
    variables.put("description", Map.of("value", "水龙头一直滴水", "type", "String"));
    variables.put("urgency", Map.of("value", "normal", "type", "String"));
    if (assetTag != null) {
      variables.put("assetTag", Map.of("value", assetTag, "type", "String"));
    }
    return TestHttp.json(Map.of("variables", variables));
  }

  /** What the phone page sends: the confirm form's radio values as Tasklist's form-js sends them, text. */
  private static String confirmForm() {
    return TestHttp.json(Map.of("variables", Map.of("fixed", Map.of("value", "true", "type", "String"),
        "satisfaction", Map.of("value", "5", "type", "String"))));
  }

  private String registerProjector(String location) {
    Voucher receipt = Voucher.manual("TEST-SCAN-" + UUID.randomUUID(), "wuxiaohong");
    ledger.receive(receipt, List.of(StockLine.of("EQP-PROJ", BigDecimal.ONE, new BigDecimal("3200"))));
    List<Asset> cards = assets.register(receipt,
        new NewAssets(1, "EQP-PROJ", 1, new BigDecimal("3200"), location, "zhangwei", LocalDate.of(2026, 9, 1)));
    return cards.get(0).tag();
  }

  private byte[] png(String path, String user) {
    Bytes image = bytes("GET", path, user, null, null);
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.contentType()).startsWith("image/png");
    return image.body();
  }

  /** A binary answer. */
  private record Bytes(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private Bytes bytes(String method, String path, String user, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (user != null) {
      request.header("Authorization", TestHttp.basic(user, user));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException | InterruptedException failed) {
      throw new AssertionError(failed);
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
