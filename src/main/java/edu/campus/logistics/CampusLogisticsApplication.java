package edu.campus.logistics;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The school's logistics office on Camunda 7. All BPMN, DMN and Camunda Forms under
 * {@code processes/} and {@code forms/} are deployed together as one process application
 * (see {@code META-INF/processes.xml}), so that {@code camunda:formRef} resolves in Tasklist.
 * Times are kept and shown in Asia/Shanghai unless configured otherwise ({@link ServerTimeZone}).
 */
@SpringBootApplication
@EnableProcessApplication("campus-logistics")
@ConfigurationPropertiesScan
public class CampusLogisticsApplication {

  public static void main(String[] args) {
    ServerTimeZone.apply();
    SpringApplication.run(CampusLogisticsApplication.class, args);
  }
}
