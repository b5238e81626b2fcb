package edu.campus.logistics.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each test method that asks for a {@link Browser} a fresh one aimed at the running
 * application, saves a failure screenshot and page source when the test fails, and quits it after.
 */
final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
    String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    Browser browser = new Browser("http://127.0.0.1:" + port, SCREENSHOTS.resolve(test));
    context.getStore(NAMESPACE).put(Opened.class, new Opened(browser));
    return browser;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    Opened opened = context.getStore(NAMESPACE).get(Opened.class, Opened.class);
    if (opened != null) {
      opened.browser().saveFailure();
    }
  }

  /** Closed by JUnit when the test method's context ends, after the failure screenshot. */
  private record Opened(Browser browser) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      browser.close();
    }
  }
}
