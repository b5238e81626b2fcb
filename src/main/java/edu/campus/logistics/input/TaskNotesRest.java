package edu.campus.logistics.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.campus.logistics.identity.CampusGroup;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.task.CommentDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The notes of an open task through REST, for the people who work it. Camunda's comment resource first looks
 * the task up in the history, which only the Cockpit groups may read: a teacher, a buyer or a storekeeper who
 * clicks 添加备注 on his own task in Tasklist is told, in English, "No task found", and his task's 历史 tab shows
 * no notes. Here a note is added to, and the notes are read from, a task the caller sees among his open tasks
 * (the engine's own task authorizations: assignee, candidates, the Cockpit groups' read); who may write is
 * {@link TaskNotes}' rule, checked in the engine. Adding a note to a task the caller does not see open is
 * answered with 404 and the reason in Chinese (an administrator's note on a finished task, and reading the notes
 * of such a task — a finished one, read by a Cockpit group — are left to Camunda's resource). Both
 * {@code /engine-rest} and Tasklist's {@code /camunda/api/engine} pass here (registered like
 * {@link EngineRestBadInput}).
 */
public class TaskNotesRest implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    context.register(NotesOfOpenTasks.class);
  }

  /** Runs after the caller is authenticated (servlet filters) and before Camunda's comment resource. */
  @Priority(Priorities.USER)
  public static class NotesOfOpenTasks implements ContainerRequestFilter {

    /** {@code task/{id}/comment[/create]}, under {@code engine/{name}/} in the webapps' API. */
    static final Pattern NOTES = Pattern.compile("(?:engine/([^/]+)/)?task/([^/]+)/comment(/create)?/?");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      Matcher path = NOTES.matcher(request.getUriInfo().getPath());
      if (!path.matches()) {
        return;
      }
      boolean create = path.group(3) != null;
      if (!request.getMethod().equals(create ? HttpMethod.POST : HttpMethod.GET)) {
        return;
      }
      ProcessEngine engine = EngineUtil.lookupProcessEngine(path.group(1));
      Authentication caller = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        return;
      }
      String taskId = path.group(2);
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null && create && !CampusGroup.administrator(caller)) {
        throw new InvalidRequestException(Response.Status.NOT_FOUND, ("找不到待办任务 %s：它已办结、不存在，或不是你能看到的任务"
            + " / no open task %s that %s may see").formatted(taskId, taskId, caller.getUserId()));
      }
      if (task == null) {
        return;
      }
      if (create) {
        request.abortWith(Response.ok(added(engine, task, request), MediaType.APPLICATION_JSON_TYPE).build());
      } else {
        List<CommentDto> notes = engine.getTaskService().getTaskComments(taskId).stream()
            .map(CommentDto::fromComment).toList();
        request.abortWith(Response.ok(new GenericEntity<List<CommentDto>>(notes) { }, MediaType.APPLICATION_JSON_TYPE)
            .build());
      }
    }

    private static CommentDto added(ProcessEngine engine, Task task, ContainerRequestContext request) throws IOException {
      JsonNode body;
      try {
        body = JSON.readTree(request.getEntityStream());
      } catch (JsonProcessingException notJson) {
        throw new InvalidRequestException(Response.Status.BAD_REQUEST, "备注的请求内容不是 JSON / the request body is not JSON: "
            + notJson.getOriginalMessage());
      }
      String message = body == null || !body.path("message").isTextual() ? null : body.path("message").asText();
      String processInstanceId = body == null || !body.path("processInstanceId").isTextual() ? null
          : body.path("processInstanceId").asText();
      // an empty text is refused by TaskNotes in words; Camunda's own null check would answer 500
      Comment comment = engine.getTaskService().createComment(task.getId(), processInstanceId, message == null ? "" : message);
      CommentDto added = CommentDto.fromComment(comment);
      URI self = request.getUriInfo().getAbsolutePathBuilder().replacePath(request.getUriInfo().getBaseUri().getPath())
          .path(request.getUriInfo().getPath().replaceFirst("/create/?$", "")).path(comment.getId()).build();
      added.addReflexiveLink(self, HttpMethod.GET, "self");
      return added;
    }
  }
}
