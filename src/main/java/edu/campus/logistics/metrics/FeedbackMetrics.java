package edu.campus.logistics.metrics;

import static edu.campus.logistics.feedback.FeedbackVariables.AREA;
import static edu.campus.logistics.feedback.FeedbackVariables.FEEDBACK_TYPE;
import static edu.campus.logistics.feedback.FeedbackVariables.FILED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLIED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLIED_IN_TIME;
import static edu.campus.logistics.feedback.FeedbackVariables.SATISFACTION;

import edu.campus.logistics.identity.ProcessKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback KPIs (意见反馈), {@code GET /api/metrics/feedback?from=YYYY-MM-DD&to=YYYY-MM-DD} (METRICS_READERS):
 * count by area and type, mean hours to the written reply, share answered in time, satisfaction per
 * area, the areas complained about most (反映较多的问题). Read from the engine's history, not the KPI read
 * model: its rows are shaped for repairs and purchases (category, first response, stages, spend), and a
 * school files a few hundred feedbacks a year, well within a history query (bounded to {@value #MAX_CASES}).
 */
@RestController
class FeedbackMetrics {

  /** The engine's limit on one query's results (queryMaxResultsLimit). */
  static final int MAX_CASES = 2000;
  /** Cases per variable query: their six variables stay within that limit. */
  static final int CASES_PER_QUERY = 300;

  /** The period's feedback figures; shares in percent (null without cases), times in hours. */
  record FeedbackReport(LocalDate from, LocalDate to, long total, Map<String, Long> byArea, Map<String, Long> byType,
                        Map<String, Map<String, Long>> byAreaAndType, Double meanReplyHours, long replied,
                        Double repliedInTimePercent, Map<String, Double> satisfactionByArea,
                        List<Map.Entry<String, Long>> mostComplainedAreas) {
  }

  private final HistoryService history;
  private final ZoneId zone;

  FeedbackMetrics(HistoryService history, @Value("${campus.metrics.zone:Asia/Shanghai}") ZoneId zone) {
    this.history = history;
    this.zone = zone;
  }

  @GetMapping("/api/metrics/feedback")
  FeedbackReport feedback(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Period period = Period.parse(from, to, zone, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone));
    List<HistoricProcessInstance> cases = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.FEEDBACK).startedAfter(Date.from(period.start()))
        .startedBefore(Date.from(period.end())).listPage(0, MAX_CASES);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (int first = 0; first < cases.size(); first += CASES_PER_QUERY) {
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(cases.subList(first, Math.min(cases.size(), first + CASES_PER_QUERY)).stream()
              .map(HistoricProcessInstance::getId).toArray(String[]::new))
          .variableNameIn(AREA, FEEDBACK_TYPE, FILED_AT, REPLIED_AT, REPLIED_IN_TIME, SATISFACTION)
          .listPage(0, MAX_CASES)) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    List<Map<String, Object>> rows = cases.stream().map(c -> variables.getOrDefault(c.getId(), Map.of())).toList();
    Map<String, Long> byArea = count(rows, AREA);
    Map<String, Long> byType = count(rows, FEEDBACK_TYPE);
    Map<String, Map<String, Long>> byAreaAndType = rows.stream().filter(r -> r.get(AREA) != null && r.get(FEEDBACK_TYPE) != null)
        .collect(Collectors.groupingBy(r -> r.get(AREA).toString(), TreeMap::new,
            Collectors.groupingBy(r -> r.get(FEEDBACK_TYPE).toString(), TreeMap::new, Collectors.counting())));
    List<Map<String, Object>> replied = rows.stream().filter(r -> r.get(REPLIED_AT) instanceof Date && r.get(FILED_AT) instanceof Date).toList();
    double hours = replied.stream().mapToDouble(r -> (((Date) r.get(REPLIED_AT)).getTime() - ((Date) r.get(FILED_AT)).getTime()) / 3_600_000.0).sum();
    long inTime = replied.stream().filter(r -> Boolean.TRUE.equals(r.get(REPLIED_IN_TIME))).count();
    Map<String, Double> satisfaction = rows.stream().filter(r -> r.get(AREA) != null && r.get(SATISFACTION) instanceof Number)
        .collect(Collectors.groupingBy(r -> r.get(AREA).toString(), TreeMap::new,
            Collectors.averagingDouble(r -> ((Number) r.get(SATISFACTION)).doubleValue())));
    List<Map.Entry<String, Long>> complained = count(rows.stream().filter(r -> "complaint".equals(r.get(FEEDBACK_TYPE))).toList(), AREA)
        .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey())).limit(3).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    return new FeedbackReport(period.from(), period.to(), rows.size(), byArea, byType, byAreaAndType,
        Percent.mean(hours, replied.size()), replied.size(), Percent.of(inTime, replied.size()), satisfaction, complained);
  }

  @ExceptionHandler(BadPeriodException.class)
  ResponseEntity<Map<String, String>> badPeriod(BadPeriodException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("type", "BadPeriod", "message", e.getMessage()));
  }

  private static Map<String, Long> count(List<Map<String, Object>> rows, String name) {
    return rows.stream().filter(r -> r.get(name) != null)
        .collect(Collectors.groupingBy(r -> r.get(name).toString(), TreeMap::new, Collectors.counting()));
  }
}
