package edu.campus.logistics.identity;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Reads the application makes on a person's behalf that the person's own authorizations would not
 * allow (a teacher's own cases from history, an auditor's export of every case), each limited by its
 * caller to what that person may see; and how a person is named to others.
 */
public final class ApplicationReads {

  private ApplicationReads() {
  }

  /** Runs the engine queries in {@code read} in one command with authorization checks off. */
  public static <T> T withoutAuthorization(ProcessEngineConfigurationImpl configuration, Callable<T> read) {
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(read));
  }

  /** "王芳": family name then given name as the demo data and Admin store them (first name = family name), else the id. */
  public static String displayName(User user) {
    String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
