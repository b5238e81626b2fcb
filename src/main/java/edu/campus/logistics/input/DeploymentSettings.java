package edu.campus.logistics.input;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code campus.deployments}: what an administrator allows process owners beyond the application's
 * own models.
 *
 * @param allowedNewIds process ids and decision ids a process owner may deploy although the
 *                      application does not know them yet; an entry ending in {@code *} allows every id
 *                      starting with what comes before it ({@code trial-*})
 */
@ConfigurationProperties("campus.deployments")
public record DeploymentSettings(List<String> allowedNewIds) {

  public DeploymentSettings {
    allowedNewIds = allowedNewIds == null ? List.of() : List.copyOf(allowedNewIds);
  }

  /** Whether the allow-list names this id. */
  public boolean allowsNew(String id) {
    return allowedNewIds.stream().anyMatch(allowed -> allowed.endsWith("*")
        ? id.startsWith(allowed.substring(0, allowed.length() - 1)) : id.equals(allowed));
  }
}
