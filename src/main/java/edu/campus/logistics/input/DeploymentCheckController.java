package edu.campus.logistics.input;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Dry-run of a deployment: {@code POST /api/deployments/check}, multipart like
 * {@code /engine-rest/deployment/create} (every file part is a resource, named by its file name),
 * answers the verdict of {@link DeploymentGuard} on it without deploying anything. For process
 * owners and administrators ({@code identity/ApiSecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/deployments")
class DeploymentCheckController {

  /** The verdict: deployable when there is no problem. */
  record Verdict(boolean deployable, List<DeploymentRules.Problem> problems) {
  }

  private final DeploymentGuard guard;

  DeploymentCheckController(DeploymentGuard guard) {
    this.guard = guard;
  }

  @PostMapping("/check")
  Verdict check(MultipartHttpServletRequest request) throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (MultipartFile file : request.getFileMap().values()) {
      String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? file.getName()
          : file.getOriginalFilename();
      resources.put(name, file.getBytes());
    }
    List<DeploymentRules.Problem> problems = guard.check(resources);
    return new Verdict(problems.isEmpty(), problems);
  }
}
