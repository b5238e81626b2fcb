package edu.campus.logistics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failures count as "the database is away" (503) and which stay what they are. */
class DatabaseUnavailableFilterTest {

  @Test
  void lostOrUnobtainableConnectionsMeanTheDatabaseIsAway() {
    assertThat(DatabaseUnavailableFilter.databaseAway(new ProcessEngineException("persistence",
        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))).isTrue();
    assertThat(DatabaseUnavailableFilter.databaseAway(new RuntimeException(
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")))).isTrue();
    assertThat(DatabaseUnavailableFilter.databaseAway(new RuntimeException(
        new SQLException("An I/O error occurred while sending to the backend.", "08006", new SocketException("Broken pipe"))))).isTrue();
    assertThat(DatabaseUnavailableFilter.databaseAway(new RuntimeException(
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
  }

  @Test
  void otherFailuresAreNotMistakenForAnOutage() {
    assertThat(DatabaseUnavailableFilter.databaseAway(new ProcessEngineException("ENGINE-03005 unknown property"))).isFalse();
    assertThat(DatabaseUnavailableFilter.databaseAway(new RuntimeException(
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailableFilter.databaseAway(new IllegalStateException("no"))).isFalse();
  }
}
