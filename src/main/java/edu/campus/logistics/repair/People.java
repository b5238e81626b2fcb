package edu.campus.logistics.repair;

import edu.campus.logistics.identity.ApplicationReads;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Identity look-ups made by listeners on behalf of the process, not of the current user: they run
 * without the user's authorization checks (a teacher may not read the technicians group, but the
 * dispatch form must list its members).
 */
@Component
public class People {

  private final IdentityService identityService;

  public People(IdentityService identityService) {
    this.identityService = identityService;
  }

  public boolean exists(String userId) {
    return userId != null && asProcess(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null
        && asProcess(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  /** Members of a group as select options for a form: {label: "何军 (hejun)", value: "hejun"}. */
  public List<Map<String, String>> options(String groupId) {
    return asProcess(() -> identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .sorted(Comparator.comparing(User::getId))
        .map(user -> Map.of("label", ApplicationReads.displayName(user) + " (" + user.getId() + ")", "value", user.getId()))
        .toList());
  }

  private static <T> T asProcess(Callable<T> query) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      try {
        return query.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return commandContext.runWithoutAuthorization(query);
  }
}
