package edu.campus.logistics.browser;

import edu.campus.logistics.CampusLogisticsApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A browser test: the whole application on a random loopback port (profile {@code browser}: its own
 * in-memory database with the demo users, job executor on) and, per test method, a fresh headless
 * Chromium injected as a {@link Browser} parameter. Screenshots go to
 * {@code target/screenshots/<TestClass>.<method>/}, one per step and one on failure. All browser test
 * classes share one Spring context: use your own business data, never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CampusLogisticsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
