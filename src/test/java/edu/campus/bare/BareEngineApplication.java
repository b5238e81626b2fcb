package edu.campus.bare;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's baseline (docs/performance.md): the bare Camunda 7 Spring Boot starter (engine, REST, webapps)
 * with nothing of this project, deploying only {@code benchmark/bare-procurement.bpmn}. Authorization is off;
 * REST calls are authenticated with HTTP Basic by Camunda's own filter, as Camunda's documentation shows, so
 * both sides of the benchmark check a password per request. The benchmark's five users and their groups are
 * created at start. Outside the package {@code edu.campus.logistics}, so the application never scans it. Started by {@code BenchmarkServer} in a JVM of its own, on a class path without the
 * application's classes.
 */
@SpringBootApplication
public class BareEngineApplication {

  /** The users who act in the benchmark, password = user id, and their group. */
  private static final Map<String, String> USERS = Map.of("zhangwei", "staff", "wangfang", "general-affairs",
      "zhaolei", "purchasing", "sunli", "inspectors", "wuxiaohong", "warehouse");

  public static void main(String[] args) {
    SpringApplication.run(BareEngineApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restBasicAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  @Bean
  ApplicationRunner benchmarkUsers(IdentityService identity) {
    return arguments -> USERS.forEach((id, groupId) -> {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(groupId);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName(id);
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, groupId);
      }
    });
  }
}
