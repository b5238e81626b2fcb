package edu.campus.logistics.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.notifications.Outbox.Message;
import edu.campus.logistics.notifications.Outbox.Status;
import edu.campus.logistics.notifications.Preferences.Kind;
import edu.campus.logistics.notifications.Preferences.Preference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification settings and the failure report (who may call which: identity/ApiSecurityConfiguration):
 * <ul>
 *   <li>{@code GET|PUT /api/notifications/preferences}: the logged-in user's own choice — e-mail on or
 *   off (the address is the one of their Camunda user), a personal robot webhook;</li>
 *   <li>{@code GET|PUT /api/notifications/groups/{groupId}}: a group's robot webhook and whether its
 *   members are mailed about its tasks (administrators);</li>
 *   <li>{@code GET /api/notifications/failed}: messages given up after the last attempt, with the
 *   reason in Chinese (the head of logistics, administrators);</li>
 *   <li>{@code POST /api/notifications/failed/{id}/retry}: sends a failed message again (back to
 *   PENDING, attempts from zero) and resolves its Cockpit incident (the same people); 404 for an
 *   unknown id, 409 for a message that is not FAILED.</li>
 * </ul>
 * A body with other fields, or of the wrong types, is refused with 400 and nothing is stored.
 */
@RestController
public class NotificationController {

  static final int FAILED_REPORT_LIMIT = 500;
  private static final Logger LOG = LoggerFactory.getLogger(NotificationController.class);
  private static final Set<String> FIELDS = Set.of("emailEnabled", "webhookUrl");

  private final Preferences preferences;
  private final Outbox outbox;
  private final IdentityService identity;
  private final NotificationIncidents incidents;

  public NotificationController(Preferences preferences, Outbox outbox, IdentityService identity,
                                NotificationIncidents incidents) {
    this.preferences = preferences;
    this.outbox = outbox;
    this.identity = identity;
    this.incidents = incidents;
  }

  @GetMapping("/api/notifications/preferences")
  public Map<String, Object> myPreferences() {
    String userId = currentUser();
    User user = identity.createUserQuery().userId(userId).singleResult();
    Map<String, Object> answer = view(preferences.of(Kind.USER, userId));
    answer.put("userId", userId);
    answer.put("email", user == null ? null : user.getEmail());
    return answer;
  }

  @PutMapping("/api/notifications/preferences")
  public Map<String, Object> setMyPreferences(@RequestBody JsonNode body) {
    String userId = currentUser();
    preferences.set(Kind.USER, userId, read(body), userId);
    return myPreferences();
  }

  @GetMapping("/api/notifications/groups/{groupId}")
  public Map<String, Object> groupPreferences(@PathVariable String groupId) {
    Group group = group(groupId);
    Map<String, Object> answer = view(preferences.of(Kind.GROUP, group.getId()));
    answer.put("groupId", group.getId());
    answer.put("groupName", group.getName());
    return answer;
  }

  @PutMapping("/api/notifications/groups/{groupId}")
  public Map<String, Object> setGroupPreferences(@PathVariable String groupId, @RequestBody JsonNode body) {
    Group group = group(groupId);
    preferences.set(Kind.GROUP, group.getId(), read(body), currentUser());
    return groupPreferences(groupId);
  }

  @GetMapping("/api/notifications/failed")
  public List<Map<String, Object>> failed() {
    return outbox.failedMessages(FAILED_REPORT_LIMIT).stream().map(NotificationController::failure).toList();
  }

  @PostMapping("/api/notifications/failed/{id}/retry")
  public ResponseEntity<Map<String, Object>> retry(@PathVariable long id) {
    Message message = outbox.find(id);
    if (message == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "没有这条通知：" + id));
    }
    if (!outbox.resend(id, ClockUtil.getCurrentTime().toInstant())) {
      Message now = outbox.find(id);
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message",
          "这条通知不是发送失败的通知（现在：" + statusName(now == null ? message.status() : now.status()) + "），无需重发"));
    }
    try {
      incidents.resent(message);
    } catch (RuntimeException e) {
      LOG.warn("Notification {} sent again; its incident {} could not be resolved: {}", id, message.incidentId(), e.toString());
    }
    LOG.info("Notification {} to {} via {} sent again by {}", id, message.recipient(), message.channel(), currentUser());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("status", Status.PENDING.name());
    answer.put("message", "已重新加入发送队列，稍后发送");
    return ResponseEntity.ok(answer);
  }

  @ExceptionHandler(Refusal.class)
  public ResponseEntity<Map<String, String>> refused(Refusal refusal) {
    return ResponseEntity.badRequest().body(Map.of("message", refusal.getMessage()));
  }

  /** A failed message without its address (a webhook URL holds the robot's secret token). */
  private static Map<String, Object> failure(Message message) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", message.id());
    row.put("event", message.event().name());
    row.put("recipient", message.recipient());
    row.put("channel", message.channel());
    row.put("subject", message.subject());
    row.put("attempts", message.attempts());
    row.put("reason", message.lastError());
    row.put("processInstanceId", message.processInstanceId());
    row.put("taskId", message.taskId());
    row.put("createdAt", message.createdAt().toString());
    row.put("failedAt", message.finishedAt() == null ? null : message.finishedAt().toString());
    row.put("incidentId", message.incidentId());
    return row;
  }

  /** A message's status in words. */
  static String statusName(Status status) {
    return switch (status) {
      case PENDING -> "待发送";
      case SENDING -> "发送中";
      case SENT -> "已发送";
      case LOGGED -> "未发送，只记入日志";
      case FAILED -> "发送失败";
    };
  }

  private static Map<String, Object> view(Preference preference) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("emailEnabled", preference.emailEnabled());
    answer.put("webhookUrl", preference.webhookUrl());
    return answer;
  }

  private static Preference read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw Refusal.of("请求体须为 JSON 对象", "the body must be a JSON object");
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        throw Refusal.of("未知字段 " + field + "（只能设置 emailEnabled、webhookUrl）",
            "unknown field " + field + " (only emailEnabled and webhookUrl)");
      }
    });
    JsonNode email = body.path("emailEnabled");
    if (!email.isBoolean()) {
      throw Refusal.of("emailEnabled 须为 true 或 false", "emailEnabled must be true or false");
    }
    JsonNode webhook = body.path("webhookUrl");
    if (!webhook.isMissingNode() && !webhook.isNull() && !webhook.isTextual()) {
      throw Refusal.of("webhookUrl 须为网址文本或 null", "webhookUrl must be text or null");
    }
    return new Preference(email.asBoolean(), webhook.isTextual() ? webhook.asText() : null);
  }

  private Group group(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      throw Refusal.of("没有这个用户组：" + groupId, "no such group: " + groupId);
    }
    return group;
  }

  private String currentUser() {
    return identity.getCurrentAuthentication().getUserId();
  }
}
