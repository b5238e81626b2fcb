package edu.campus.logistics.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the project's own {@code /api/*} endpoints. A caller is authenticated either by HTTP Basic
 * against the engine's identity service or by a logged-in Camunda webapp session (Cockpit,
 * Tasklist); then group membership is checked per endpoint family. 401 without a valid identity,
 * 403 with a reason when the groups do not fit. The engine sees the caller as the authenticated
 * user for the rest of the request. A second registration guards {@code /actuator/*} the same way,
 * with the health probe as an open path.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  /** Groups allowed per path prefix under /api; the first matching prefix wins. */
  private final Map<String, Set<String>> groupsByPrefix;
  private final IdentityService identityService;
  /** Paths answered without authentication: exactly the path, or anything below it. */
  private final Set<String> openPaths;

  public ApiAuthenticationFilter(IdentityService identityService, Map<String, Set<String>> groupsByPrefix) {
    this(identityService, groupsByPrefix, Set.of());
  }

  public ApiAuthenticationFilter(IdentityService identityService, Map<String, Set<String>> groupsByPrefix,
                                 Set<String> openPaths) {
    this.identityService = identityService;
    this.groupsByPrefix = groupsByPrefix;
    this.openPaths = openPaths;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return openPaths.stream().anyMatch(open -> path.equals(open) || path.startsWith(open + "/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // JSON answers are data, never a page: browsers must not sniff them into HTML
    response.setHeader("X-Content-Type-Options", "nosniff");
    String userId = basicUser(request);
    if (userId == null) {
      userId = sessionUser(request);
    }
    if (userId == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"campus-logistics\", charset=\"UTF-8\"");
      refuse(response, HttpStatus.UNAUTHORIZED, "authentication required: HTTP Basic with a Camunda user, or a webapp login");
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Set<String> allowed = allowedGroups(path);
    if (allowed != null && groups.stream().noneMatch(allowed::contains)) {
      refuse(response, HttpStatus.FORBIDDEN, "user " + userId + " is not in any group allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
      return;
    }
    identityService.setAuthentication(userId, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Set<String> allowedGroups(String path) {
    return groupsByPrefix.entrySet().stream().filter(entry -> path.startsWith(entry.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  private String basicUser(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    return identityService.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
  }

  private String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine("default");
    return authentication == null ? null : authentication.getIdentityId();
  }

  private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"status\":" + status.value() + ",\"error\":\"" + status.getReasonPhrase()
        + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }
}
