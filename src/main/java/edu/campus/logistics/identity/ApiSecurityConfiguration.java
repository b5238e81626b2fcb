package edu.campus.logistics.identity;

import static edu.campus.logistics.identity.CampusGroup.CAMUNDA_ADMIN;
import static edu.campus.logistics.identity.CampusGroup.FINANCE;
import static edu.campus.logistics.identity.CampusGroup.GENERAL_AFFAIRS;
import static edu.campus.logistics.identity.CampusGroup.INSPECTORS;
import static edu.campus.logistics.identity.CampusGroup.LOGISTICS_HEAD;
import static edu.campus.logistics.identity.CampusGroup.LOGISTICS_STAFF;
import static edu.campus.logistics.identity.CampusGroup.PRINCIPAL;
import static edu.campus.logistics.identity.CampusGroup.PURCHASING;
import static edu.campus.logistics.identity.CampusGroup.TECHNICIANS;
import static edu.campus.logistics.identity.CampusGroup.WAREHOUSE;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import edu.campus.logistics.identity.ApiAuthenticationFilter.Rule;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which groups may call which family of the project's {@code /api/*} endpoints. */
@Configuration
public class ApiSecurityConfiguration {

  /** Stock ledger: those who keep, buy, check, approve or pay for goods. */
  public static final Set<String> LEDGER_READERS = groups(WAREHOUSE, PURCHASING, INSPECTORS, GENERAL_AFFAIRS,
      LOGISTICS_HEAD, PRINCIPAL, FINANCE);

  /** Asset register: ledger readers plus those who repair and look after assets. */
  public static final Set<String> ASSET_READERS = Stream.concat(LEDGER_READERS.stream(),
      groups(LOGISTICS_STAFF, TECHNICIANS).stream()).collect(Collectors.toUnmodifiableSet());

  /** Logistics KPIs (/api/metrics): those who supervise and pay. */
  public static final Set<String> METRICS_READERS = groups(LOGISTICS_HEAD, GENERAL_AFFAIRS, PRINCIPAL, FINANCE);

  /** Audit exports (/api/exports): finance, the head of logistics and the principal. */
  public static final Set<String> EXPORT_READERS = groups(FINANCE, LOGISTICS_HEAD, PRINCIPAL);

  /** Operations (/api/admin: backup): administrators only. */
  public static final Set<String> ADMINISTRATORS = groups();
  /** The deployment guard's dry-run (/api/deployments/check) and the deployment log (/api/deployments/log): those who deploy. */
  public static final Set<String> DEPLOYERS = groups(CampusGroup.PROCESS_OWNERS);

  /** One's own requests and reports (/api/my: 我的申请): everyone with a campus group. */
  public static final Set<String> EVERYONE = groups(CampusGroup.values());

  /** Who filed a feedback, also an anonymous one (/api/feedback): the head of logistics and the principal. */
  public static final Set<String> FEEDBACK_REPORTER_READERS = groups(LOGISTICS_HEAD, PRINCIPAL);

  /** Notifications given up (/api/notifications/failed) and sending them again (…/failed/{id}/retry): the head of logistics. */
  public static final Set<String> NOTIFICATION_REPORT_READERS = groups(LOGISTICS_HEAD);
  /** 扫码报修's register of places, QR codes and printable sheets (/api/scan): those who print and put up the codes. */
  public static final Set<String> SCAN_PRINTERS = groups(LOGISTICS_STAFF, LOGISTICS_HEAD, GENERAL_AFFAIRS);

  /** Actuator endpoints other than the health probe: operators and the head of logistics. */
  public static final Set<String> ACTUATOR_READERS = groups(LOGISTICS_HEAD);

  /** The health probe (and its liveness/readiness groups) stays open for load balancers and monitors. */
  public static final List<String> HEALTH_PROBE = List.of("/actuator/health", "/actuator/health/**");

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthenticationFilter(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new ApiAuthenticationFilter(identityService, List.of(Rule.of("/actuator", ACTUATOR_READERS),
            Rule.of("/actuator/**", ACTUATOR_READERS)), HEALTH_PROBE));
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setName("actuatorAuthenticationFilter");
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService) {
    List<Rule> rules = List.of(
        Rule.of("/api/ledger/**", LEDGER_READERS),
        Rule.of("/api/assets", ASSET_READERS),
        Rule.of("/api/assets/**", ASSET_READERS),
        Rule.of("/api/metrics/**", METRICS_READERS),
        Rule.of("/api/exports/**", EXPORT_READERS),
        Rule.of("/api/admin/**", ADMINISTRATORS),
        Rule.of("/api/deployments/**", DEPLOYERS),
        Rule.of("/api/my/**", EVERYONE),
        Rule.of("/api/catalogue", EVERYONE),
        // signed-in users; stocktake/StocktakeController decides who reads, with the reason in Chinese
        Rule.of("/api/stocktakes/**", EVERYONE),
        // the patrol report answers who may read it with the reason in Chinese (patrol/PatrolReportController)
        Rule.of("/api/patrols/**", EVERYONE),
        Rule.of("/api/feedback/**", FEEDBACK_REPORTER_READERS),
        // one's own notification choice; a group's robot is set by administrators (notifications/NotificationController)
        Rule.of("/api/notifications/preferences", EVERYONE),
        Rule.of("/api/notifications/groups/**", ADMINISTRATORS),
        Rule.of("/api/notifications/failed", NOTIFICATION_REPORT_READERS),
        Rule.of("/api/notifications/failed/**", NOTIFICATION_REPORT_READERS),
        // 扫码报修: every reporter resolves a scanned code and reads their own reports (scan/ScanController)
        Rule.of("/api/scan/target", EVERYONE),
        Rule.of("/api/scan/locations", EVERYONE),
        Rule.of("/api/scan/session", EVERYONE),
        Rule.of("/api/scan/reports", EVERYONE),
        Rule.of("/api/scan/reports/**", EVERYONE),
        Rule.of("/api/scan/**", SCAN_PRINTERS));
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, rules));
    registration.addUrlPatterns("/api/*");
    registration.setName("apiAuthenticationFilter");
    return registration;
  }

  private static Set<String> groups(CampusGroup... groups) {
    return Stream.concat(Arrays.stream(groups).map(CampusGroup::id), Stream.of(CAMUNDA_ADMIN))
        .collect(Collectors.toUnmodifiableSet());
  }
}
