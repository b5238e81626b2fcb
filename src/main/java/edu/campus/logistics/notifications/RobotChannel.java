package edu.campus.logistics.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.campus.logistics.notifications.Outbox.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Chat-robot webhooks (DingTalk, WeCom group robots): one JSON POST per message to the group's or
 * user's webhook, the body made from {@code campus.notifications.robot.template}. Delivered when
 * the robot answers 2xx without an error code ({@code errcode} 0 or absent: DingTalk and WeCom
 * answer 200 with an {@code errcode} when they refuse a message).
 */
@Component
class RobotChannel implements Channel {

  static final String ID = "robot";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationSettings settings;
  private final Preferences preferences;
  /** Made on the first message: building a client sets up TLS, which costs a start-up a fifth of a second. */
  private final SingletonSupplier<HttpClient> http =
      SingletonSupplier.of(() -> HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());

  RobotChannel(NotificationSettings settings, Preferences preferences) {
    this.settings = settings;
    this.preferences = preferences;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean configured() {
    return settings.getRobot().isEnabled();
  }

  @Override
  public void send(Message message) throws DeliveryFailure {
    try {
      preferences.checkWebhook(message.address());
    } catch (RuntimeException noLongerAllowed) {
      throw new DeliveryFailure("机器人地址已不允许：" + noLongerAllowed.getMessage(), noLongerAllowed);
    }
    String text = message.subject() + "\n" + message.body() + (message.link() == null ? "" : "\n" + message.link());
    String body = settings.getRobot().getTemplate()
        .replace("{{subject}}", escape(message.subject()))
        .replace("{{body}}", escape(message.body()))
        .replace("{{link}}", escape(message.link() == null ? "" : message.link()))
        .replace("{{text}}", escape(text));
    HttpRequest request = HttpRequest.newBuilder(URI.create(message.address()))
        .timeout(settings.getRobot().getTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<String> response;
    try {
      response = http.obtain().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DeliveryFailure("机器人无法连接：" + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("发送被中断", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailure("机器人返回 HTTP " + response.statusCode(), null);
    }
    JsonNode answer = parse(response.body());
    if (answer != null && answer.path("errcode").asInt(0) != 0) {
      throw new DeliveryFailure("机器人拒收：errcode " + answer.path("errcode").asText() + " "
          + answer.path("errmsg").asText(""), null);
    }
  }

  /** The text as the inside of a JSON string. */
  static String escape(String text) {
    try {
      String quoted = JSON.writeValueAsString(text);
      return quoted.substring(1, quoted.length() - 1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
