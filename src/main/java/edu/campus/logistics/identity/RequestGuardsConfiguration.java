package edu.campus.logistics.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Limits in front of every door, before any password is checked or body read: the login throttle
 * ({@link LoginThrottle}) on all login doors and the request size limit ({@link RequestSizeLimit}) on
 * every API. Settings under {@code campus.security} in application.yaml.
 */
@Configuration
public class RequestGuardsConfiguration {

  @Bean
  public FilterRegistrationBean<LoginThrottle> loginThrottle(
      @Value("${campus.security.login-throttle.free-attempts:5}") int freeAttempts,
      @Value("${campus.security.login-throttle.first-delay:PT2S}") Duration firstDelay,
      @Value("${campus.security.login-throttle.max-delay:PT15M}") Duration maxDelay) {
    FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(
        new LoginThrottle.Settings(freeAttempts, firstDelay, maxDelay, 10_000), Clock.systemUTC()));
    registration.setName("loginThrottle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      @Value("${campus.security.max-request-size:10MB}") DataSize maxRequestSize) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestSize.toBytes()));
    registration.setName("requestSizeLimit");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
