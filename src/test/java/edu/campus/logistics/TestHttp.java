package edu.campus.logistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real HTTP calls against the running test application: HTTP Basic as a given user (password = user
 * id unless given), or anonymous ({@code user == null}); and browser-like webapp sessions with the
 * CSRF token handling of Cockpit/Tasklist.
 */
public final class TestHttp {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  public TestHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  /** An answer: status, body, headers; {@link #json()} parses the body. */
  public record Answer(int status, String body, HttpHeaders headers) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException notJson) {
        throw new AssertionError("answer is not JSON: " + body, notJson);
      }
    }

    /** The {@code message} of a JSON error answer ({@code /api}, {@code /engine-rest}), "" if none. */
    public String message() {
      return body.isBlank() ? "" : json().path("message").asText("");
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Answer get(String path, String user) {
    return send("GET", path, user, user, null, null);
  }

  public Answer postJson(String path, String user, String json) {
    return send("POST", path, user, user, "application/json", json);
  }

  public Answer send(String method, String path, String user, String password, String contentType, String body) {
    return sendWithAuthorization(method, path, user == null ? null : basic(user, password), contentType, body);
  }

  /** A call with the raw Authorization header given (none if null). */
  public Answer sendWithAuthorization(String method, String path, String authorization, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return call(client, request.build());
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer call(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public WebappSession webapp() {
    return new WebappSession();
  }

  /** A browser session with the Camunda webapps: cookies kept, CSRF token taken from the first page. */
  public final class WebappSession {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrfToken;

    /** Opens Tasklist's page, as a browser does first: a session and its CSRF token. */
    public Answer open() {
      Answer page = get("/camunda/app/tasklist/default/");
      csrfToken = page.header("X-XSRF-TOKEN");
      return page;
    }

    public String csrfToken() {
      return csrfToken;
    }

    public Answer get(String path) {
      return call(browser, HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Logs into a webapp ({@code tasklist}, {@code cockpit}, {@code admin}) with the CSRF token. */
    public Answer login(String app, String user, String password) {
      if (csrfToken == null) {
        open();
      }
      Answer answer = postForm("/camunda/api/admin/auth/user/default/login/" + app,
          Map.of("username", user, "password", password), true);
      // the login replaces the session; the next page view hands out the new session's token
      open();
      return answer;
    }

    public Answer postForm(String path, Map<String, String> form, boolean withCsrfToken) {
      String body = form.entrySet().stream()
          .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return post(path, "application/x-www-form-urlencoded", body, withCsrfToken);
    }

    public Answer post(String path, String contentType, String body, boolean withCsrfToken) {
      return postWithToken(path, contentType, body, withCsrfToken ? csrfToken : null);
    }

    /** Any method on a webapp API path, with the session's CSRF token (Tasklist's own calls). */
    public Answer send(String method, String path, String contentType, String body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      if (csrfToken != null) {
        request.header("X-XSRF-TOKEN", csrfToken);
      }
      return call(browser, request.build());
    }

    /** A POST carrying the given CSRF header value (a forged one, for tests), none if null. */
    public Answer postWithToken(String path, String contentType, String body, String token) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return call(browser, request.build());
    }
  }
}
