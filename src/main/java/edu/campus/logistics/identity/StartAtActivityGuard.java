package edu.campus.logistics.identity;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Starting a process "at" a chosen activity ({@code startInstructions} of the REST start call, which
 * may also skip listeners) would let anyone allowed to start a process jump past its approvals and
 * its separation-of-duties listeners. Only {@code camunda-admin} members (and the application's own
 * code, which runs without a user) may do that; everyone else starts at the start event.
 */
@Component
public class StartAtActivityGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
          Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
          boolean admin = caller == null || caller.getGroupIds() != null
              && caller.getGroupIds().contains(CampusGroup.CAMUNDA_ADMIN);
          if (!admin) {
            throw new AuthorizationException("The user with id '" + caller.getUserId()
                + "' may start a process only at its start event: starting at a chosen activity is reserved to "
                + CampusGroup.CAMUNDA_ADMIN);
          }
        }
        return next.execute(command);
      }
    });
  }
}
