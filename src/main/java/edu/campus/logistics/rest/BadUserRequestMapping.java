package edu.campus.logistics.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bad input refused by a listener or delegate ({@link BadUserRequestException}) answers 400 with
 * its message on /engine-rest. Camunda's REST resources wrap engine exceptions of a start or a
 * task completion into a 500 ("Cannot instantiate ..."), and the engine wraps task-listener
 * exceptions; this unwraps them. Every other error keeps Camunda's own answer.
 */
@Component
public class BadUserRequestMapping implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestErrors.class);
    config.register(EngineErrors.class);
  }

  static Response badRequest(BadUserRequestException cause) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", BadUserRequestException.class.getSimpleName());
    body.put("message", cause.getMessage());
    body.put("code", cause.getCode());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static BadUserRequestException find(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException bad) {
        return bad;
      }
    }
    return null;
  }

  /** Yields to an equivalent mapper with a higher priority (lower number) should one be registered. */
  @Priority(2)
  public static class RestErrors implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      BadUserRequestException bad = find(exception);
      return bad != null ? badRequest(bad) : camunda.toResponse(exception);
    }
  }

  @Priority(2)
  public static class EngineErrors implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      BadUserRequestException bad = find(exception);
      return bad != null ? badRequest(bad) : camunda.toResponse(exception);
    }
  }
}
