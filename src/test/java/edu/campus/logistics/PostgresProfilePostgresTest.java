package edu.campus.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the {@code postgres} profile promises operators, checked on the real server. */
@OnPostgres
class PostgresProfilePostgresTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  CamundaBpmProperties camunda;

  @Test
  void theApplicationRunsOnPostgresqlReadCommittedWithAPoolLargerThanTheJobExecutor() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
        .isEqualTo("postgres");
    int jobThreads = camunda.getJobExecution().getMaxPoolSize();
    assertThat(((HikariDataSource) dataSource).getMaximumPoolSize())
        .as("every job executor thread, its acquisition and some web requests get a connection")
        .isGreaterThanOrEqualTo(jobThreads + 1 + 4);
  }

  @Test
  void theEngineCreatesItsTablesAndFlywayTheProjectsFromTheSameMigrationsAsOnH2() {
    assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'act_ru_job'",
        Integer.class)).isOne();
    List<String> migrations = jdbc.queryForList(
        "select script from flyway_schema_history where success and type = 'SQL' order by installed_rank", String.class);
    assertThat(migrations).contains("V1__ledger_and_assets.sql");
    assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
        + " and table_name in ('ledger_item', 'ledger_balance', 'ledger_entry', 'asset', 'asset_event')", String.class))
        .hasSize(5);
    assertThat(jdbc.queryForObject("select count(*) from ledger_item", Integer.class))
        .as("the demo catalogue").isPositive();
  }
}
