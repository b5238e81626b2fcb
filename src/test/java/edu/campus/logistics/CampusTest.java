package edu.campus.logistics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the shared in-memory H2 (profile {@code test}), the
 * demo users and catalogue, and the job executor off so that tests execute jobs and timers
 * themselves. All tests using it share one Spring context: they must not assume an empty
 * database, and use their own business keys and items.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CampusLogisticsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface CampusTest {
}
