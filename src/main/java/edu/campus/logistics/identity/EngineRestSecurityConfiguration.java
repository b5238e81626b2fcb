package edu.campus.logistics.identity;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication for Camunda's REST API under {@code /engine-rest/*}, checked against the
 * engine's identity service by Camunda's own {@link ProcessEngineAuthenticationFilter}. Every call
 * then runs as that user, so the engine's authorizations decide what it may see and do (Camunda
 * Modeler deploys with the credentials of a {@code camunda-admin} member). Anonymous callers and
 * wrong credentials get 401 with a Basic challenge. The webapps (Cockpit, Tasklist, Admin) use their
 * own session-based API under {@code /camunda/api/*} and are not affected.
 */
@Configuration
public class EngineRestSecurityConfiguration {

  public static final String ENGINE_REST_PATTERN = "/engine-rest/*";

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engineRestAuthenticationFilter");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST_PATTERN);
    return registration;
  }
}
