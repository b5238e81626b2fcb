package edu.campus.logistics.input;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;

/**
 * What Camunda Modeler 5 sends when its deploy button is pressed (its {@code CamundaAPI.deployDiagram}):
 * multipart with the deployment's name, source {@code Camunda Modeler}, duplicate filtering on, and one
 * part per file named by its file name, as the given user (HTTP Basic, password = user id). Other
 * tests share the engine: {@link #undeployAll} removes what was deployed, so the application's own
 * models are the latest again.
 */
final class ModelerUpload {

  private final TestHttp http;
  private final RepositoryService repositoryService;
  private final List<String> deployed = new ArrayList<>();

  ModelerUpload(TestHttp http, RepositoryService repositoryService) {
    this.http = http;
    this.repositoryService = repositoryService;
  }

  /** {@code POST /engine-rest/deployment/create}, as Modeler's deploy button. */
  Answer deploy(String user, String name, Map<String, String> files) {
    Answer answer = send("/engine-rest/deployment/create", user, name, files);
    if (answer.status() == 200 && !deployed.contains(answer.json().path("id").asText())) {
      deployed.add(answer.json().path("id").asText());
    }
    return answer;
  }

  /** {@code POST /api/deployments/check}: the dry-run with the same multipart. */
  Answer check(String user, String name, Map<String, String> files) {
    return send("/api/deployments/check", user, name, files);
  }

  void undeployAll() {
    deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
    deployed.clear();
  }

  private Answer send(String path, String user, String name, Map<String, String> files) {
    String boundary = "----CampusBoundary" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", name);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    fields.forEach((field, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(field).append("\"\r\n\r\n").append(value).append("\r\n"));
    files.forEach((file, content) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(file).append("\"; filename=\"").append(file)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return http.send("POST", path, user, user, "multipart/form-data; boundary=" + boundary, body.toString());
  }
}
