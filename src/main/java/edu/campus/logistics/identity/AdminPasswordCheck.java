package edu.campus.logistics.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine (profile {@code prod}: {@code campus.security.require-strong-admin-password})
 * when the administrator's id or password is not given by the environment, or the password fails
 * Camunda's default password policy: at least 10 characters with upper- and lower-case letters, a
 * digit and a special character, not containing the user's id or name. Runs before the engine is
 * built, so a weak administrator is never created.
 */
@Component
@ConditionalOnProperty(name = "campus.security.require-strong-admin-password", havingValue = "true")
public class AdminPasswordCheck extends AbstractProcessEnginePlugin {

  private static final Map<String, String> RULE_TEXT = Map.of(
      "PASSWORD_POLICY_LENGTH", "at least %s characters",
      "PASSWORD_POLICY_LOWERCASE", "at least %s lower-case letter(s)",
      "PASSWORD_POLICY_UPPERCASE", "at least %s upper-case letter(s)",
      "PASSWORD_POLICY_DIGIT", "at least %s digit(s)",
      "PASSWORD_POLICY_SPECIAL", "at least %s special character(s)",
      "PASSWORD_POLICY_USER_DATA", "must not contain the user id, first name, last name or e-mail%s");

  private final AdminUserProperty admin;

  public AdminPasswordCheck(CamundaBpmProperties properties) {
    this.admin = properties.getAdminUser();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    check(admin.getId(), admin.getPassword(), admin.getFirstName(), admin.getLastName(), admin.getEmail());
  }

  /** @throws WeakAdminPasswordException with every rule the password breaks */
  static void check(String id, String password, String firstName, String lastName, String email) {
    if (id == null || id.isBlank()) {
      throw new WeakAdminPasswordException("CAMUNDA_ADMIN_ID is not set: the prod profile takes the administrator's user id from the environment.");
    }
    if (password == null || password.isBlank()) {
      throw new WeakAdminPasswordException("CAMUNDA_ADMIN_PASSWORD is not set: the prod profile takes the administrator's password from the environment.");
    }
    UserEntity user = new UserEntity(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    List<String> broken = new ArrayList<>();
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password, user)) {
        broken.add(describe(rule));
      }
    }
    if (!broken.isEmpty()) {
      throw new WeakAdminPasswordException("CAMUNDA_ADMIN_PASSWORD is too weak for the prod profile: "
          + String.join("; ", broken) + ".");
    }
  }

  private static String describe(PasswordPolicyRule rule) {
    String parameter = rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
        : rule.getParameters().values().iterator().next();
    String text = RULE_TEXT.get(rule.getPlaceholder());
    return text == null ? rule.getPlaceholder() + " " + rule.getParameters() : String.format(text, parameter);
  }
}
