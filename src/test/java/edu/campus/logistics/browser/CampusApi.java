package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.core.env.Environment;

/**
 * The application's HTTP APIs ({@code /api/*}, {@code /engine-rest}) as a client program calls them
 * beside the browser: with HTTP Basic credentials of a demo user (password = user id).
 */
final class CampusApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  CampusApi(Environment environment) {
    this.baseUrl = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
  }

  /** GETs a path as this user, expects 200 and returns the JSON body. */
  JsonNode get(String path, String userId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((userId + ":" + userId).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as("GET " + path + " as " + userId + ": " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
