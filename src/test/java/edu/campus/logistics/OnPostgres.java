package edu.campus.logistics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link CampusTest} on PostgreSQL: put it on a subclass of a {@code CampusTest} class, named
 * {@code *PostgresTest}, and every inherited test runs against the test JVM's PostgreSQL ({@link TestPostgres}) with the
 * {@code postgres} profile on top of {@code test}. Those classes run in a surefire execution of their
 * own (pom.xml), so that their application context never meets the H2 one in the same JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CampusLogisticsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
public @interface OnPostgres {
}
