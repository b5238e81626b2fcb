package edu.campus.logistics.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without giving anyone a way to lock others out. Camunda's own
 * lockout counts failures per user, so an anonymous caller sending a wrong password for
 * {@code admin} once a minute keeps the administrator locked out for good; it is switched off
 * ({@code login-max-attempts}, {@code login-delay-base} in application.yaml) and replaced by this
 * filter on every login door (HTTP Basic on {@code /engine-rest}, {@code /api}, {@code /actuator},
 * and the webapps' login form): failures are counted per <em>client address and user</em>. After
 * {@link Settings#freeAttempts} failures that client must wait before trying that user again, twice
 * as long after each further failure, at most {@link Settings#maxDelay}; the lock expires by itself
 * and a success clears it. The same user at another computer is not affected, and no account is
 * ever locked permanently. A throttled attempt is answered 429 with {@code Retry-After}, without
 * checking the password. Behind a reverse proxy, set {@code server.forward-headers-strategy=native}
 * so that the client address is the user's, not the proxy's.
 */
public class LoginThrottle extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** Webapp login: POST /camunda/api/admin/auth/user/{engine}/login/{app} with form field {@code username}. */
  static final String WEBAPP_LOGIN = "/api/admin/auth/user/";

  public record Settings(int freeAttempts, Duration firstDelay, Duration maxDelay, int maxTrackedClients) {

    public static Settings defaults() {
      return new Settings(5, Duration.ofSeconds(2), Duration.ofMinutes(15), 10_000);
    }
  }

  private record Key(String client, String user) {
  }

  private record Failures(int count, long lockedUntil, long lastFailure) {
  }

  private final Settings settings;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = attemptedUser(request);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    Key key = new Key(request.getRemoteAddr(), user);
    long now = clock.millis();
    Failures known = failures.get(key);
    if (known != null && known.lockedUntil() > now) {
      long seconds = Math.max(1, (known.lockedUntil() - now + 999) / 1000);
      refuse(response, seconds, user);
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpStatus.UNAUTHORIZED.value()) {
      recordFailure(key, now);
    } else if (status < 400 && known != null) {
      failures.remove(key);
    }
  }

  private void recordFailure(Key key, long now) {
    if (failures.size() >= settings.maxTrackedClients()) {
      forgetOld(now);
    }
    Failures after = failures.merge(key, new Failures(1, 0, now), (old, first) -> {
      int count = old.count() + 1;
      long lockedUntil = now + delay(count).toMillis();
      return new Failures(count, count > settings.freeAttempts() - 1 ? lockedUntil : 0, now);
    });
    if (after.lockedUntil() > now) {
      LOG.warn("Login of {} from {} failed {} times; next attempt from there in {} s", key.user(), key.client(),
          after.count(), (after.lockedUntil() - now) / 1000);
    }
  }

  /** Wait after the n-th failure: none before {@code freeAttempts}, then doubling from {@code firstDelay}. */
  Duration delay(int failureCount) {
    int over = failureCount - settings.freeAttempts();
    if (over < 0) {
      return Duration.ZERO;
    }
    Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(over, 20));
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  /** Drops entries whose lock has expired and whose last failure is older than the longest delay. */
  private void forgetOld(long now) {
    long horizon = now - settings.maxDelay().toMillis();
    failures.entrySet().removeIf(entry -> entry.getValue().lockedUntil() <= now && entry.getValue().lastFailure() < horizon);
    if (failures.size() >= settings.maxTrackedClients()) {
      // still full of fresh failures (an attack from many addresses): keep the newest half
      failures.entrySet().removeIf(entry -> entry.getValue().lockedUntil() <= now);
    }
  }

  private static String attemptedUser(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 ? decoded.substring(0, colon) : null;
      } catch (IllegalArgumentException malformed) {
        return null;
      }
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("POST".equals(request.getMethod()) && path.contains(WEBAPP_LOGIN) && path.contains("/login/")) {
      return request.getParameter("username");
    }
    return null;
  }

  private static void refuse(HttpServletResponse response, long seconds, String user) throws IOException {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String safeUser = user.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
    response.getWriter().write("{\"type\":\"LoginThrottled\",\"message\":\"登录失败次数过多，请 " + seconds
        + " 秒后再试 / too many failed logins for " + safeUser + " from this address; try again in " + seconds
        + " s\"}");
  }
}
