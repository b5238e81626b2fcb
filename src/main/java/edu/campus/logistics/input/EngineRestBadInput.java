package edu.campus.logistics.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Camunda's REST API answer bad input with 400 and a reason. Out of the box, a
 * {@link BadUserRequestException} thrown while a process instance starts (a start listener's
 * validation, a too-long text) is wrapped and answered with 500, a refused Java-serialized variable
 * likewise, a request body that is not JSON gets an empty message, and a query parameter of the
 * wrong type ({@code maxResults=abc}) a bare 404, and a claim refused by a task listener a 500.
 */
@Configuration
public class EngineRestBadInput {

  /** Camunda's message code for "Java serialization format is prohibited". */
  static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  @Bean
  public ResourceConfigCustomizer engineRestBadInputMappers() {
    return config -> config.register(WrappedBadInput.class).register(UnwrappedBadInput.class).register(MalformedJson.class).register(MisshapenJson.class)
        .register(MalformedParameter.class);
  }

  private static Response badRequest(String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The caller's input refused somewhere in the cause chain, or null. */
  private static Throwable refusalIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException
          || String.valueOf(cause.getMessage()).startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
        return cause;
      }
    }
    return null;
  }

  /**
   * A 500 from the REST layer whose cause is the caller's input (a start or completion refused by a
   * listener) becomes a 400 with the refusal's own message.
   */
  @Priority(1)
  public static class WrappedBadInput implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      Throwable refusal = exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR ? refusalIn(exception) : null;
      return refusal != null
          ? badRequest(BadUserRequestException.class.getSimpleName(), refusal.getMessage())
          : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /**
   * An engine error passed through unwrapped (a claim or assignment refused by a task listener, which
   * the engine wraps into ENGINE-03051) becomes a 400 with the refusal's own message.
   */
  @Priority(1)
  public static class UnwrappedBadInput implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Throwable refusal = refusalIn(exception);
      return refusal != null && refusal != exception
          ? badRequest(BadUserRequestException.class.getSimpleName(), refusal.getMessage())
          : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  private static Response notJson(JsonProcessingException exception) {
    return badRequest(InvalidRequestException.class.getSimpleName(),
        "The request body is not valid JSON for this call: " + exception.getOriginalMessage());
  }

  /** A body that is not JSON at all: 400 with where and what Jackson found. */
  @Priority(1)
  public static class MalformedJson implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
      return notJson(exception);
    }
  }

  /** JSON of the wrong shape (a string where an object belongs): 400 with what did not fit. */
  @Priority(1)
  public static class MisshapenJson implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException exception) {
      return notJson(exception);
    }
  }

  /** A query or path parameter that cannot be converted to its declared type. */
  @Priority(1)
  public static class MalformedParameter implements ExceptionMapper<ParamException> {

    @Override
    public Response toResponse(ParamException exception) {
      return badRequest(InvalidRequestException.class.getSimpleName(), "Invalid value for parameter '"
          + exception.getParameterName() + "'" + (exception.getCause() == null ? "" : ": " + exception.getCause().getMessage()));
    }
  }
}
