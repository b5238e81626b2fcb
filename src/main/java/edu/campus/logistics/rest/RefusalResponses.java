package edu.campus.logistics.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes /engine-rest answer 400 with the listener's own message when a process refuses input.
 *
 * <p>Listeners and delegates refuse bad input with {@link BadUserRequestException}, but the engine
 * REST resources wrap it on the way out (start: "Cannot instantiate process definition ...", task
 * listeners: ENGINE-03051) and answer 500. These mappers, preferred over Camunda's own by their
 * priority, look for a BadUserRequestException in the cause chain and answer 400 with Camunda's
 * usual error body ({@code type}, {@code message}); everything else is mapped exactly as before.
 */
@Component
public class RefusalResponses implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestRefusals.class);
    config.register(EngineRefusals.class);
  }

  static Response refusal(BadUserRequestException refusal) {
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ExceptionDto.fromException(refusal)).build();
  }

  static BadUserRequestException refusalIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException refusal) {
        return refusal;
      }
    }
    return null;
  }

  /** Errors the REST resources wrapped into a RestException (process start, task completion). */
  @Priority(Priorities.USER - 100)
  public static class RestRefusals implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      BadUserRequestException refusal = refusalIn(exception);
      return refusal != null ? refusal(refusal) : camunda.toResponse(exception);
    }
  }

  /** Engine errors passed through unwrapped (claim, assignee changes). */
  @Priority(Priorities.USER - 100)
  public static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      BadUserRequestException refusal = refusalIn(exception);
      return refusal != null ? refusal(refusal) : camunda.toResponse(exception);
    }
  }
}
