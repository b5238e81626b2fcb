package edu.campus.logistics.input;

import edu.campus.logistics.identity.CampusGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Every way a caller can write a variable or move a case is an engine command — whether it comes
 * through {@code /engine-rest}, Tasklist's own API under {@code /camunda/api/engine} or Java code —
 * so the rules are kept here, in the engine, not in one REST layer. This interceptor remembers which
 * command a caller opened (the outermost one on the thread, with the caller's authentication), so
 * the listeners that run inside it ({@link TaskWorkers}, {@link StartFormFieldsOnly},
 * {@link FormFieldsOnly}) know whether a person or the engine itself is acting.
 *
 * <p>Doors that the form-based rules cannot guard are closed to everyone but {@code camunda-admin}
 * members (and the application's own code, which runs without a user): they would write variables
 * no form owns (set/patch/remove variables on tasks, executions and instances, resolve, BPMN errors
 * and escalations thrown from a task), move a case past its steps (start at an activity,
 * modification, restart, messages and signals — the one message a model waits for, a repair's
 * {@code RepairClosed} to the feedback it was forwarded from, is sent by the repair itself), or move a task
 * to other people (delegation, owner, candidate users and groups). Attachments are off for
 * everyone ({@link #SWITCHED_OFF}): no form uses them. Refusals are {@link AuthorizationException}s, answered with 403 and the reason.
 */
@Component
public class Doors extends AbstractProcessEnginePlugin {

  /** Who opened the command running on this thread, and which. */
  public record Door(Class<?> command, Authentication caller) {

    /** A person acting (authenticated), not the engine or the application's own code. */
    public boolean byPerson() {
      return caller != null && caller.getUserId() != null;
    }

    /** A person acting who is not an administrator: the rules apply. */
    public boolean byNonAdministrator() {
      return byPerson() && !CampusGroup.administrator(caller);
    }

    public String userId() {
      return caller.getUserId();
    }

    public List<String> groupIds() {
      return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    }

    public boolean opened(Class<?>... commands) {
      for (Class<?> type : commands) {
        if (type == command) {
          return true;
        }
      }
      return false;
    }
  }

  /** What each closed door would do, in the refusal's words (Chinese, English). */
  static final Map<Class<?>, String[]> CLOSED = closed();

  private static final ThreadLocal<Door> OPEN = new ThreadLocal<>();

  /** The door of the command running on this thread; empty outside any command. */
  public static Optional<Door> current() {
    return Optional.ofNullable(OPEN.get());
  }

  private static Map<Class<?>, String[]> closed() {
    Map<Class<?>, String[]> doors = new LinkedHashMap<>();
    String[] variables = {"直接修改流程变量", "set, change or remove process variables directly"};
    for (Class<?> command : List.of(SetTaskVariablesCmd.class, PatchTaskVariablesCmd.class, RemoveTaskVariablesCmd.class,
        SetExecutionVariablesCmd.class, PatchExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class,
        SetVariablesToProcessInstancesBatchCmd.class)) {
      doors.put(command, variables);
    }
    doors.put(ResolveTaskCmd.class, new String[] {"以“解决委托”方式结束任务", "resolve a task"});
    doors.put(DelegateTaskCmd.class, new String[] {"委托任务", "delegate a task"});
    doors.put(HandleTaskBpmnErrorCmd.class, new String[] {"从任务抛出流程错误", "throw a BPMN error from a task"});
    doors.put(HandleTaskEscalationCmd.class, new String[] {"从任务抛出升级事件", "throw a BPMN escalation from a task"});
    doors.put(SetTaskOwnerCmd.class, new String[] {"更改任务负责人", "change the owner of a task"});
    String[] candidates = {"更改任务的候选人或候选组", "change the candidate users or groups of a task"};
    for (Class<?> command : List.of(AddUserIdentityLinkCmd.class, AddGroupIdentityLinkCmd.class,
        DeleteUserIdentityLinkCmd.class, DeleteGroupIdentityLinkCmd.class)) {
      doors.put(command, candidates);
    }
    doors.put(StartProcessInstanceAtActivitiesCmd.class, new String[] {"从指定环节发起流程（只能从开始事件发起）",
        "start a process at a chosen activity (only at its start event)"});
    String[] modification = {"改动流程实例的执行位置", "modify or restart process instances"};
    for (Class<?> command : List.of(ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
        ProcessInstanceModificationCmd.class, ProcessInstanceModificationBatchCmd.class, RestartProcessInstancesCmd.class)) {
      doors.put(command, modification);
    }
    String[] events = {"向流程发送消息或信号", "send messages or signals to processes"};
    for (Class<?> command : List.of(CorrelateMessageCmd.class, CorrelateAllMessageCmd.class,
        CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class, SignalCmd.class, SignalEventReceivedCmd.class)) {
      doors.put(command, events);
    }
    return Map.copyOf(doors);
  }

  /** Closed to every person, administrators included: no form of this application uses attachments. */
  static final List<Class<?>> SWITCHED_OFF = List.of(CreateAttachmentCmd.class, SaveAttachmentCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (OPEN.get() != null) {
          // a command run by the engine or a delegate inside the caller's command: the caller's door stays open
          return next.execute(command);
        }
        Door door = new Door(command.getClass(), configuration.getIdentityService().getCurrentAuthentication());
        refuseIfClosed(door);
        OPEN.set(door);
        try {
          return next.execute(command);
        } finally {
          OPEN.remove();
        }
      }
    });
  }

  private static void refuseIfClosed(Door door) {
    String[] what = CLOSED.get(door.command());
    if (what != null && door.byNonAdministrator()) {
      throw new AuthorizationException("用户 " + door.userId() + " 无权" + what[0] + "：此操作只限系统管理员 / the user with id '"
          + door.userId() + "' may not " + what[1] + ": reserved to " + CampusGroup.CAMUNDA_ADMIN);
    }
    if (SWITCHED_OFF.contains(door.command()) && door.byPerson()) {
      throw new AuthorizationException("用户 " + door.userId() + "：本系统不使用附件，不能添加 / " + door.userId()
          + ": attachments are switched off, no form of this application uses them");
    }
  }
}
