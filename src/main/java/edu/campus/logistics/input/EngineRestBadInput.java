package edu.campus.logistics.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
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
 * wrong type ({@code maxResults=abc}) a bare 404.
 */
@Configuration
public class EngineRestBadInput {

  /** Camunda's message code for "Java serialization format is prohibited". */
  static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  @Bean
  public ResourceConfigCustomizer engineRestBadInputMappers() {
    return config -> config.register(WrappedBadInput.class).register(MalformedJson.class).register(MisshapenJson.class)
        .register(MalformedParameter.class);
  }

  private static Response badRequest(String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** A 500 from the REST layer whose cause is the caller's input becomes a 400 with the same message. */
  @Priority(1)
  public static class WrappedBadInput implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        boolean badInput = cause instanceof BadUserRequestException
            || String.valueOf(cause.getMessage()).startsWith(JAVA_SERIALIZATION_PROHIBITED);
        if (badInput && exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
          return badRequest(BadUserRequestException.class.getSimpleName(), exception.getMessage());
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
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
