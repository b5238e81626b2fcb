package edu.campus.logistics.operations;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

/** The application logs to a rolling file besides the console (logging.file.name, rolling policy in application.yaml). */
@CampusTest
class LogFileTest {

  @Value("${logging.file.name}") String logFile;
  @Autowired Environment environment;

  @Test
  void applicationLogLinesGoToTheLogFileWhichRollsDailyAndBySize() throws IOException {
    String marker = "log-file-test " + UUID.randomUUID();
    LoggerFactory.getLogger("edu.campus.logistics.operations").info(marker);

    Path file = Path.of(logFile);
    assertThat(file).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(marker);
    assertThat(environment.getProperty("logging.logback.rollingpolicy.max-file-size")).isEqualTo("20MB");
    assertThat(environment.getProperty("logging.logback.rollingpolicy.max-history")).isEqualTo("90");
    assertThat(environment.getProperty("logging.logback.rollingpolicy.total-size-cap")).isEqualTo("2GB");
  }
}
