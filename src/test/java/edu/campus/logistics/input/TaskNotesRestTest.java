package edu.campus.logistics.input;

import static edu.campus.logistics.OpenTasks.completion;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's 添加备注 on a task: the buyer writes a note on his purchase and reads it in the task's 历史 tab
 * (through Tasklist's own API, as Tasklist sends it, and through {@code /engine-rest}); people who do not work
 * the task — the requester, an approver of the Cockpit groups who reads every case — are refused through every
 * door with the reason in Chinese, and no note is written; a note needs a text, a bounded one, on its own case.
 */
class TaskNotesRestTest extends CaseDoors {

  private static final String NOTE = "已电话联系供应商，周五送货";

  @Test
  void buyerWritesANoteOnHisPurchaseAndReadsItInTasklist() {
    Task purchase = cases.procurementAt(PURCHASE_GOODS, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    WebappSession tasklist = http.webapp();
    assertThat(tasklist.login("tasklist", OpenTasks.BUYER, OpenTasks.BUYER).status()).isEqualTo(200);
    String notes = "/camunda/api/engine/engine/default/task/" + purchase.getId() + "/comment";

    // what Tasklist sends (with assignProcessInstanceIdToTaskComment, the task's case too)
    Answer added = tasklist.post(notes + "/create", "application/json", TestHttp.json(Map.of("message", NOTE,
        "processInstanceId", purchase.getProcessInstanceId())), true);
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().path("userId").asText()).isEqualTo(OpenTasks.BUYER);
    assertThat(added.json().path("message").asText()).isEqualTo(NOTE);
    Answer byRest = http.postJson("/engine-rest/task/" + purchase.getId() + "/comment/create", OpenTasks.BUYER,
        TestHttp.json(Map.of("message", "报价单已上传到采购群")));
    assertThat(byRest.status()).as(byRest.body()).isEqualTo(200);

    Answer read = tasklist.get(notes);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(StreamSupport.stream(read.json().spliterator(), false).map(note -> note.path("message").asText()))
        .containsExactlyInAnyOrder(NOTE, "报价单已上传到采购群");
    assertThat(engine.getTaskService().getTaskComments(purchase.getId())).extracting(Comment::getUserId,
        Comment::getFullMessage).containsExactlyInAnyOrder(tuple(OpenTasks.BUYER, NOTE),
        tuple(OpenTasks.BUYER, "报价单已上传到采购群"));
    assertThat(engine.getTaskService().getProcessInstanceComments(purchase.getProcessInstanceId()))
        .extracting(Comment::getFullMessage).contains(NOTE);
  }

  @Test
  void peopleWhoDoNotWorkTheTaskCannotWriteOnIt() {
    Task purchase = cases.procurementAt(PURCHASE_GOODS, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String approver = SingleGroupUsers.of("general-affairs");
    String create = "/task/" + purchase.getId() + "/comment/create";
    String body = TestHttp.json(Map.of("message", "我来催一下"));
    WebappSession requesterInTasklist = http.webapp();
    requesterInTasklist.login("tasklist", OpenTasks.REQUESTER, OpenTasks.REQUESTER);
    WebappSession approverInTasklist = http.webapp();
    approverInTasklist.login("tasklist", approver, approver);

    // the requester does not see the purchase among his tasks
    assertNoNote(purchase, () -> http.postJson("/engine-rest" + create, OpenTasks.REQUESTER, body), 404, "找不到待办任务");
    assertNoNote(purchase, () -> requesterInTasklist.post("/camunda/api/engine/engine/default" + create,
        "application/json", body, true), 404, "找不到待办任务");
    // the approver reads every case (Cockpit) but the purchase is not his step
    assertNoNote(purchase, () -> http.postJson("/engine-rest" + create, approver, body), 403,
        "给任务「采购（比价、下单）」添加备注只限其认领人、候选人和本案负责人");
    assertNoNote(purchase, () -> approverInTasklist.post("/camunda/api/engine/engine/default" + create,
        "application/json", body, true), 403, "添加备注只限其认领人、候选人和本案负责人");
    assertThatThrownBy(() -> cases.as(approver, () -> engine.getTaskService().createComment(purchase.getId(),
        purchase.getProcessInstanceId(), "我来催一下"))).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("添加备注只限");
    assertThatThrownBy(() -> cases.as(OpenTasks.REQUESTER, () -> engine.getTaskService().createComment(null,
        purchase.getProcessInstanceId(), "我来催一下"))).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("备注只能写在任务上");
    assertThat(engine.getTaskService().getProcessInstanceComments(purchase.getProcessInstanceId())).isEmpty();

    // once the purchase is done, nobody but an administrator writes on it any more
    cases.claimAndComplete(OpenTasks.BUYER, purchase, OpenTasks.restValues(completion(PURCHASE_GOODS)));
    assertThat(http.postJson("/engine-rest" + create, OpenTasks.BUYER, body).status()).isEqualTo(404);
    assertThatThrownBy(() -> cases.as(OpenTasks.BUYER, () -> engine.getTaskService().createComment(purchase.getId(),
        null, "补记一句"))).isInstanceOf(AuthorizationException.class).hasMessageContaining("已办结或不存在，不能再添加备注");
    assertThat(engine.getTaskService().getTaskComments(purchase.getId())).isEmpty();
    cases.as(SingleGroupUsers.ADMIN, () -> engine.getTaskService().createComment(purchase.getId(), null, "管理员补记"));
    Answer byAdministrator = http.postJson("/engine-rest" + create, SingleGroupUsers.ADMIN,
        TestHttp.json(Map.of("message", "管理员再补记")));
    assertThat(byAdministrator.status()).as(byAdministrator.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getTaskComments(purchase.getId())).extracting(Comment::getFullMessage)
        .containsExactlyInAnyOrder("管理员补记", "管理员再补记");
  }

  @Test
  void aNoteNeedsAShortTextOnTheTasksOwnCase() {
    Task purchase = cases.procurementAt(PURCHASE_GOODS, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    Task other = cases.procurementAt(PURCHASE_GOODS, OpenTasks.REQUESTER, OpenTasks.SMALL_ORDER);
    String create = "/engine-rest/task/" + purchase.getId() + "/comment/create";
    String buyer = OpenTasks.BUYER;

    assertNoNote(purchase, () -> http.postJson(create, buyer, TestHttp.json(Map.of("message", "  "))), 400, "备注不能为空");
    assertNoNote(purchase, () -> http.postJson(create, buyer, "{}"), 400, "备注不能为空");
    assertNoNote(purchase, () -> http.postJson(create, buyer, TestHttp.json(Map.of("message", "货".repeat(TaskNotes.MAX_LENGTH + 1)))),
        400, "备注最多 2000 个字，这条有 2001 个字");
    assertNoNote(purchase, () -> http.postJson(create, buyer, TestHttp.json(Map.of("message", NOTE,
        "processInstanceId", other.getProcessInstanceId()))), 400, "不是任务「采购（比价、下单）」所在的流程实例");
    assertNoNote(purchase, () -> http.postJson(create, buyer, "{\"message\": "), 400, "备注的请求内容不是 JSON");
    assertThat(engine.getTaskService().getProcessInstanceComments(other.getProcessInstanceId())).isEmpty();

    assertThat(http.postJson(create, buyer, TestHttp.json(Map.of("message", "货".repeat(TaskNotes.MAX_LENGTH)))).status())
        .isEqualTo(200);
  }

  private void assertNoNote(Task task, Supplier<Answer> action, int status, String reason) {
    Snapshot.CaseState before = snapshot.ofCase(task);
    List<Comment> notesBefore = engine.getTaskService().getTaskComments(task.getId());
    Answer answer = action.get();
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode refusal = answer.json();
    assertThat(refusal.path("message").asText()).as(answer.body()).contains(reason);
    assertThat(engine.getTaskService().getTaskComments(task.getId())).as("no note written").hasSameSizeAs(notesBefore);
    assertThat(snapshot.ofCase(task)).as("nothing changed").isEqualTo(before);
  }
}
