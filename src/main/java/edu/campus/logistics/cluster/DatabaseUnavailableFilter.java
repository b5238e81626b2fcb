package edu.campus.logistics.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database is away (no connection within the pool's timeout, a
 * connection the server closed) is answered 503 with a message instead of an empty 500, so that
 * users and the load balancer see what happened; nothing of the request was committed. The node
 * keeps running and serves again as soon as the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  static final String MESSAGE = "数据库暂时不可用，本次操作未保存，请稍后重试。(database unavailable)";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException failure) {
      if (!databaseAway(failure) || response.isCommitted()) {
        throw failure;
      }
      LOG.warn("{} {} failed, the database is unavailable: {}", request.getMethod(), request.getRequestURI(),
          failure.getMessage());
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "10");
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"DatabaseUnavailable\",\"message\":\"" + MESSAGE + "\"}");
    }
  }

  /** Hikari's answer on a connection it has closed after the database dropped it (it carries no SQL state). */
  private static final String HIKARI_CLOSED = "Connection is closed";

  /**
   * No connection to be had, or one the database lost: SQL state class 08, 57P0x (the server shut it
   * down), a broken socket, or Hikari's closed connection.
   */
  static boolean databaseAway(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException
          || cause instanceof SocketException) {
        return true;
      }
      if (cause instanceof SQLException && HIKARI_CLOSED.equals(cause.getMessage())) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
