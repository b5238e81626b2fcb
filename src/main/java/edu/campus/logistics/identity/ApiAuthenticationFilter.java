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
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the project's own {@code /api/*} endpoints. A request whose path is not plain (matrix
 * parameters {@code ;x}, percent-encoded slashes, dots or percent signs, {@code ..}, {@code //}) is
 * refused with 400 by Spring Security's {@link StrictHttpFirewall} before anything else, so the rules
 * below see the path the application will serve. A caller is authenticated either by HTTP Basic
 * against the engine's identity service or by a logged-in Camunda webapp session (Cockpit,
 * Tasklist); then group membership is checked per endpoint family, matched with Spring Security's
 * {@link PathPatternRequestMatcher}. 401 without a valid identity, 403 with a reason when the groups
 * do not fit or no rule names the path (an endpoint nobody listed is never let through). The engine
 * sees the caller as the authenticated user for the rest of the request. A second registration
 * guards {@code /actuator/*} the same way, with the health probe as an open path.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  /** Which groups may call the paths a pattern matches ({@code /api/ledger/**}); the first match wins. */
  public record Rule(RequestMatcher paths, String pattern, Set<String> groups) {

    public static Rule of(String pattern, Set<String> groups) {
      return new Rule(PathPatternRequestMatcher.withDefaults().matcher(pattern), pattern, groups);
    }
  }

  private static final StrictHttpFirewall FIREWALL = new StrictHttpFirewall();

  private final List<Rule> rules;
  private final IdentityService identityService;
  /** Paths answered without authentication. */
  private final List<RequestMatcher> openPaths;

  public ApiAuthenticationFilter(IdentityService identityService, List<Rule> rules) {
    this(identityService, rules, List.of());
  }

  public ApiAuthenticationFilter(IdentityService identityService, List<Rule> rules, List<String> openPatterns) {
    this.identityService = identityService;
    this.rules = rules;
    this.openPaths = openPatterns.stream().map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults()
        .matcher(pattern)).toList();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest raw, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // JSON answers are data, never a page: browsers must not sniff them into HTML
    response.setHeader("X-Content-Type-Options", "nosniff");
    HttpServletRequest request;
    try {
      request = FIREWALL.getFirewalledRequest(raw);
    } catch (RequestRejectedException notPlain) {
      refuse(response, HttpStatus.BAD_REQUEST, "the request path is not a plain path: " + notPlain.getMessage());
      return;
    }
    if (openPaths.stream().anyMatch(open -> open.matches(request))) {
      chain.doFilter(request, response);
      return;
    }
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
    Set<String> allowed = allowedGroups(request);
    if (allowed == null) {
      refuse(response, HttpStatus.FORBIDDEN, "no endpoint of this application answers " + request.getRequestURI());
      return;
    }
    if (groups.stream().noneMatch(allowed::contains)) {
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

  private Set<String> allowedGroups(HttpServletRequest request) {
    return rules.stream().filter(rule -> rule.paths().matches(request)).map(Rule::groups).findFirst().orElse(null);
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
