package edu.campus.logistics.numbering;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers {@code <prefix>-<year>-<sequence>} (CG-2026-0001, BX-2026-0137): per prefix
 * and calendar year of the school's time zone, counting from 1, at least four digits. Runs in the
 * caller's transaction (the engine's, when a process starts): the counter row stays locked until
 * that transaction ends, so concurrent starts on any node get distinct numbers, and a start that is
 * rolled back does not use one up.
 */
@Service
public class CaseNumbers {

  /** What a prefix may look like: two to eight capital letters, as process owners write it in Modeler. */
  public static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

  /** Tries at a number before the start fails (each waits at most the database's lock timeout). */
  private static final int MAX_ATTEMPTS = 20;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final ZoneId zone;

  public CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                     @Value("${campus.time-zone}") ZoneId zone) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.zone = zone;
  }

  /** The next number for this prefix in the current year (engine clock, school time zone). */
  public String next(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("case number prefix " + prefix + " is not 2-8 capital letters");
    }
    int year = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone).getYear();
    return "%s-%d-%04d".formatted(prefix, year, nextSequence(prefix, year));
  }

  private int nextSequence(String prefix, int year) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (jdbc.update("update case_number set last_number = last_number + 1 where prefix = ? and number_year = ?",
          prefix, year) == 1) {
        return jdbc.queryForObject("select last_number from case_number where prefix = ? and number_year = ?",
            Integer.class, prefix, year);
      }
      // H2: an update that waited for a concurrent start's lock on the row may find no row; the row is there
      // now, so count again instead of inserting (a duplicate key is an exception, and costly)
      if (jdbc.queryForObject("select count(*) from case_number where prefix = ? and number_year = ?",
          Integer.class, prefix, year) > 0) {
        continue;
      }
      try {
        // in a savepoint: after a duplicate key PostgreSQL accepts no further statement of the transaction
        savepoint.executeWithoutResult(status -> jdbc.update(
            "insert into case_number (prefix, number_year, last_number) values (?, ?, 1)", prefix, year));
        return 1;
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // the first number of the year was just taken elsewhere: take the next one
      }
    }
    throw new IllegalStateException("no case number for " + prefix + "-" + year + " after " + MAX_ATTEMPTS
        + " attempts: the counter row stays locked or missing");
  }

}
