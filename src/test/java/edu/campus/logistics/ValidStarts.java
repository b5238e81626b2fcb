package edu.campus.logistics;

import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static edu.campus.logistics.identity.ProcessKeys.REPAIR;
import static edu.campus.logistics.identity.ProcessKeys.REQUISITION;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A REST start request each deployed process accepts, for tests about WHO may start it (the
 * authorization matrix, the malformed-input table's "valid except one thing" rows). When a process
 * model gains required start variables, its entry here gains them too.
 */
public final class ValidStarts {

  private ValidStarts() {
  }

  /** Start variables in Camunda REST form: name → {value, type}. */
  public static Map<String, Object> variables(String processKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (processKey) {
      case PROCUREMENT -> {
        variables.put("department", typed("教务处", "String"));
        variables.put("reason", typed("权限与输入校验测试", "String"));
        variables.put("neededBy", typed(java.time.LocalDate.now().plusDays(14).toString(), "String"));
        variables.put("items", typed("[{\"newItem\":true,\"name\":\"无尘粉笔\",\"spec\":\"白色 100支/盒\",\"category\":\"office\","
            + "\"unit\":\"盒\",\"quantity\":2,\"unitPrice\":6.5}]", "Json"));
      }
      case REPAIR -> {
        variables.put("location", typed("教学楼 / 201", "String"));
        variables.put("category", typed("electrical", "String"));
        variables.put("description", typed("教室日光灯不亮", "String"));
        variables.put("urgency", typed("normal", "String"));
      }
      case REQUISITION -> {
        variables.put("useLocation", typed("教学楼 / 201", "String"));
        variables.put("lines", typed("[{\"itemCode\":\"OFF-CHALK\",\"quantity\":1,\"purpose\":\"上课用\"}]", "Json"));
      }
      default -> throw new IllegalArgumentException("no valid start request known for process " + processKey
          + ": add one to ValidStarts when the process is deployed");
    }
    return variables;
  }

  /** The JSON body of {@code POST /engine-rest/process-definition/key/{key}/start}. */
  public static String body(String processKey, String businessKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", businessKey);
    body.put("variables", variables(processKey));
    return TestHttp.json(body);
  }

  public static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("value", value);
    typed.put("type", type);
    return typed;
  }
}
