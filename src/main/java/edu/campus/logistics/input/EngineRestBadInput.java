package edu.campus.logistics.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;
import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Camunda's REST APIs — {@code /engine-rest} and Tasklist's own {@code /camunda/api/engine} —
 * answer a refusal with 4xx, Camunda's error body and the refusal's reason: 403 for a rule about
 * who may act ({@link AuthorizationException}, also when a listener threw it), 400 for bad input, 404
 * for a task or instance that is not (or no longer) there, 409 for a task someone else claimed.
 * Refusals are logged at INFO without a stack trace; genuine faults keep Camunda's own handling
 * (500, logged as errors). Registered with every Jersey application of the server through
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}, since the
 * webapps' API is a Jersey application of its own. Out of the box, a
 * {@link BadUserRequestException} thrown while a process instance starts (a start listener's
 * validation, a too-long text) is wrapped and answered with 500, a refused Java-serialized variable
 * likewise, a request body that is not JSON gets an empty message, and a query parameter of the
 * wrong type ({@code maxResults=abc}) a bare 404, a claim refused by a task listener a 500, and the
 * variables of an instance that has ended a 500.
 */
public class EngineRestBadInput implements ForcedAutoDiscoverable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestBadInput.class);

  /** Camunda's message codes for "Java serialization format is prohibited" and "no serializer for this value". */
  static final List<String> BAD_VALUE_CODES = List.of("ENGINE-17007", "Cannot find serializer for value",
      "ENGINE-03040");
  /** A variable handed in as an Object that cannot be read back: unknown format, or a class not allowed. */
  static final String UNREADABLE_OBJECT = "Cannot deserialize object in variable";

  @Override
  public void configure(FeatureContext context) {
    context.register(WrappedBadInput.class).register(UnwrappedBadInput.class).register(MalformedJson.class)
        .register(MisshapenJson.class).register(MalformedParameter.class).register(BadArgument.class);
  }

  private static Response refused(Response.Status status, Throwable refusal) {
    return refused(status, refusal.getClass().getSimpleName(), refusal.getMessage());
  }

  private static Response refused(Response.Status status, String type, String message) {
    LOG.info("Refused with {}: {}", status.getStatusCode(), message);
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response badRequest(String type, String message) {
    return refused(Response.Status.BAD_REQUEST, type, message);
  }

  /** The answer to a refusal somewhere in the cause chain, or null when the chain holds none. */
  static Response refusalIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof AuthorizationException) {
        return refused(Response.Status.FORBIDDEN, cause);
      }
      if (cause instanceof TaskAlreadyClaimedException) {
        return refused(Response.Status.CONFLICT, cause);
      }
      // "Cannot find task …"; "execution … doesn't exist" (the variables of an ended instance)
      if (cause instanceof NullValueException && (message.startsWith("Cannot find ") || message.contains(" doesn't exist"))) {
        return refused(Response.Status.NOT_FOUND, cause);
      }
      if (cause instanceof BadUserRequestException || BAD_VALUE_CODES.stream().anyMatch(message::startsWith)
          || message.contains(UNREADABLE_OBJECT)) {
        return badRequest(BadUserRequestException.class.getSimpleName(), message);
      }
    }
    return null;
  }

  /**
   * An error of the REST layer whose cause is a refusal (a start or completion refused by a listener)
   * is answered as that refusal; the REST layer's own 4xx are kept, logged as refusals.
   */
  @Priority(1)
  public static class WrappedBadInput implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      // the REST layer sometimes words an engine refusal as its own ("Task id is null" for a refused attachment)
      Response refusal = refusalIn(exception.getCause());
      if (refusal != null) {
        return refusal;
      }
      if (exception.getStatus() != null && exception.getStatus().getFamily() == Response.Status.Family.CLIENT_ERROR) {
        return refused(exception.getStatus(), exception);
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /**
   * An engine error passed through unwrapped: a refusal (also one a task listener threw, which the
   * engine wraps into ENGINE-03051) is answered as such, anything else as Camunda answers it.
   */
  @Priority(1)
  public static class UnwrappedBadInput implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      if (exception instanceof AuthorizationException) {
        // Camunda's own body for it names the missing permission
        LOG.info("Refused with 403: {}", exception.getMessage());
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      Response refusal = refusalIn(exception);
      return refusal != null ? refusal : ExceptionHandlerHelper.getInstance().getResponse(exception);
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

  /** A query argument out of range ({@code firstResult=-1}): 400 instead of 500. */
  @Priority(1)
  public static class BadArgument implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException exception) {
      return badRequest(InvalidRequestException.class.getSimpleName(), String.valueOf(exception.getMessage()));
    }
  }
}
