package edu.campus.logistics.input;

import edu.campus.logistics.input.Doors.Door;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Notes on a task (Tasklist's 添加备注, {@code POST /task/{id}/comment/create}, {@code TaskService.createComment})
 * are written by the people who work the task while it is open: its assignee, a candidate (a candidate user or
 * a member of a candidate group) or its owner. Camunda checks nothing when a comment is added — every signed-in
 * person who knows a task's id could write on any task, a finished one too — while changing or deleting a
 * comment needs the right to work the task; this makes adding one the same. Administrators
 * ({@code camunda-admin}) and the application's own code are not limited. A note has at most
 * {@value #MAX_LENGTH} characters and is not blank.
 *
 * <p>A command interceptor inside the command's context looks at the comments the command is about to write
 * (new comment entities in its entity cache, nothing flushed yet), so every door — {@code /engine-rest},
 * Tasklist's API ({@link TaskNotesRest}), Java code — meets the same rule. A refusal rolls the command back.
 */
@Component
public class TaskNotes extends AbstractProcessEnginePlugin {

  /** Long enough for a note a person types; the full text is kept in a byte array, the list shows its start. */
  public static final int MAX_LENGTH = 2000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired();
    List<CommandInterceptor> withNotes = new ArrayList<>(interceptors == null ? List.of() : interceptors);
    withNotes.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        Door door = Doors.current().orElse(null);
        if (door != null && door.byPerson() && door.opened(AddCommentCmd.class)) {
          check(door, Context.getCommandContext());
        }
        return result;
      }
    });
    configuration.setCustomPostCommandInterceptorsTxRequired(withNotes);
  }

  private static void check(Door door, CommandContext context) {
    for (CommentEntity comment : context.getDbEntityManager().getCachedEntitiesByType(CommentEntity.class)) {
      CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(comment);
      if (cached == null || cached.getEntityState() != DbEntityState.TRANSIENT) {
        continue;
      }
      checkText(comment.getFullMessage());
      TaskEntity task = comment.getTaskId() == null ? null : context.getTaskManager().findTaskById(comment.getTaskId());
      if (task != null && comment.getProcessInstanceId() != null
          && !comment.getProcessInstanceId().equals(task.getProcessInstanceId())) {
        throw new BadUserRequestException(("备注所写的流程实例 %s 不是任务「%s」所在的流程实例 / process instance %s is not the one "
            + "of task %s").formatted(comment.getProcessInstanceId(), task.getName(), comment.getProcessInstanceId(), task.getId()));
      }
      if (door.byNonAdministrator()) {
        checkWriter(door, task, comment.getTaskId());
      }
    }
  }

  private static void checkText(String text) {
    if (text == null || text.isBlank()) {
      throw new BadUserRequestException("备注不能为空 / a note needs a text");
    }
    if (text.length() > MAX_LENGTH) {
      throw new BadUserRequestException("备注最多 %d 个字，这条有 %d 个字 / a note has at most %d characters, this one has %d"
          .formatted(MAX_LENGTH, text.length(), MAX_LENGTH, text.length()));
    }
  }

  private static void checkWriter(Door door, TaskEntity task, String taskId) {
    String caller = door.userId();
    if (taskId == null) {
      throw new AuthorizationException(("备注只能写在任务上（%s 不能直接给流程实例添加备注） / notes are added to tasks only, "
          + "%s may not add one to a process instance").formatted(caller, caller));
    }
    if (task == null) {
      throw new AuthorizationException(("任务 %s 已办结或不存在，不能再添加备注 / task %s is finished or does not exist; "
          + "notes are added to open tasks only").formatted(taskId, taskId));
    }
    if (!caller.equals(task.getAssignee()) && !caller.equals(task.getOwner())
        && !TaskWorkers.isCandidate(task, caller, door.groupIds())) {
      throw new AuthorizationException(("给任务「%s」添加备注只限其认领人、候选人和本案负责人（%s 不是） / only the assignee, "
          + "a candidate or the owner of task %s may add a note to it, not %s").formatted(task.getName(), caller,
          task.getTaskDefinitionKey(), caller));
    }
  }
}
