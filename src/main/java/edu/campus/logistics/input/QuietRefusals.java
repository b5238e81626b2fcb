package edu.campus.logistics.input;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refusal is not a fault. When a listener refuses an action (four-eyes, form fields, who may work a
 * task), the engine wraps the refusal into "ENGINE-03051 exception while invoking the TaskListener"
 * and logs it at ERROR with a stack trace, as if something broke. This logback filter drops exactly
 * those ERROR events of the engine's command context whose cause chain holds a
 * {@link BadUserRequestException} or {@link AuthorizationException}; the REST mapping
 * ({@link EngineRestBadInput}) logs each refusal at INFO in one line. Genuine faults, and refusals
 * logged anywhere else, pass unchanged.
 */
@Component
public class QuietRefusals extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @PostConstruct
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(QuietRefusals.class::isInstance)) {
      setName(QuietRefusals.class.getSimpleName());
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
    if (level != Level.ERROR || logger == null || !logger.getName().startsWith(ENGINE_CONTEXT_LOGGER)) {
      return FilterReply.NEUTRAL;
    }
    Throwable cause = thrown;
    if (cause == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      cause = last;
    }
    for (; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
