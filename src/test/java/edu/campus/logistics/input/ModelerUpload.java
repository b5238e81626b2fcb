package edu.campus.logistics.input;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What Camunda Modeler 5 sends when its deploy button is pressed: multipart with the deployment's
 * name and source and one part per file, as the given user (HTTP Basic, password = user id).
 */
final class ModelerUpload {

  private ModelerUpload() {
  }

  static Answer send(TestHttp http, String path, String user, String name, Map<String, String> files) {
    String boundary = "----CampusBoundary" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", name);
    fields.put("deployment-source", "Camunda Modeler");
    fields.forEach((field, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(field).append("\"\r\n\r\n").append(value).append("\r\n"));
    files.forEach((file, content) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(file).append("\"; filename=\"").append(file)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return http.send("POST", path, user, user, "multipart/form-data; boundary=" + boundary, body.toString());
  }
}
