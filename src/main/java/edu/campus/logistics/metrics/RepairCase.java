package edu.campus.logistics.metrics;

import static edu.campus.logistics.repair.RepairVariables.ASSET_TAG;
import static edu.campus.logistics.repair.RepairVariables.CATEGORY;
import static edu.campus.logistics.repair.RepairVariables.DISPATCHED_AT;
import static edu.campus.logistics.repair.RepairVariables.ESCALATIONS;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.FIXED;
import static edu.campus.logistics.repair.RepairVariables.LOCATION;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.REPORTED_AT;
import static edu.campus.logistics.repair.RepairVariables.RESOLUTION_DUE_AT;
import static edu.campus.logistics.repair.RepairVariables.RESOLVED_AT;
import static edu.campus.logistics.repair.RepairVariables.RESPONDED_AT;
import static edu.campus.logistics.repair.RepairVariables.RESPONSE_DUE_AT;
import static edu.campus.logistics.repair.RepairVariables.SATISFACTION;
import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;
import static edu.campus.logistics.repair.RepairVariables.WORK_DONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A repair case reduced to what the KPIs need (variable contract: docs/processes/repair.md). */
record RepairCase(String id, String businessKey, Instant reportedAt, Instant endedAt, String category, String urgency,
                  String location, String assetTag, String firstResponder, String technician, boolean workDone,
                  Instant respondedAt, Instant dispatchedAt, Instant resolvedAt, Instant responseDueAt,
                  Instant resolutionDueAt, Boolean answered, long reopenCount, Long satisfaction,
                  List<EscalationFact> escalations, Duration waitingForParts) {

  /** One entry of the {@code escalations} variable. */
  record EscalationFact(String stage, int level) {
  }

  static final List<String> VARIABLES = List.of(CATEGORY, URGENCY, LOCATION, ASSET_TAG, FIRST_RESPONDER, TECHNICIAN,
      WORK_DONE, REPORTED_AT, RESPONDED_AT, DISPATCHED_AT, RESOLVED_AT, RESPONSE_DUE_AT, RESOLUTION_DUE_AT, FIXED,
      REOPEN_COUNT, SATISFACTION, ESCALATIONS);

  static RepairCase of(CaseFacts facts, Duration waitingForParts) {
    List<EscalationFact> escalations = new ArrayList<>();
    for (JsonNode entry : facts.list(ESCALATIONS)) {
      escalations.add(new EscalationFact(entry.path("stage").asText("response"), entry.path("level").asInt(1)));
    }
    Instant reported = facts.instant(REPORTED_AT) != null ? facts.instant(REPORTED_AT) : facts.startedAt();
    Long reopens = facts.number(REOPEN_COUNT);
    return new RepairCase(facts.id(), facts.businessKey(), reported, facts.endedAt(), facts.text(CATEGORY),
        facts.text(URGENCY), facts.text(LOCATION), blankToNull(facts.text(ASSET_TAG)), facts.text(FIRST_RESPONDER),
        facts.text(TECHNICIAN), facts.text(WORK_DONE) != null, facts.instant(RESPONDED_AT), facts.instant(DISPATCHED_AT),
        facts.instant(RESOLVED_AT), facts.instant(RESPONSE_DUE_AT), facts.instant(RESOLUTION_DUE_AT),
        facts.flag(FIXED), reopens == null ? 0 : reopens, facts.number(SATISFACTION), List.copyOf(escalations),
        waitingForParts == null ? Duration.ZERO : waitingForParts);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  boolean openAt(Instant moment) {
    return endedAt == null || endedAt.isAfter(moment);
  }

  Duration firstResponse() {
    return respondedAt == null ? null : Duration.between(reportedAt, respondedAt);
  }

  Duration resolution() {
    return resolvedAt == null ? null : Duration.between(reportedAt, resolvedAt);
  }

  /** Resolution time without the time spent waiting for parts (等待配件). */
  Duration resolutionWithoutPartsWait() {
    return resolvedAt == null ? null : resolution().minus(waitingForParts);
  }

  /** True in time, false breached, null not yet decided. A dispatch exactly at the deadline is in time. */
  Boolean responseInTime(Instant observedAt) {
    return inTime(dispatchedAt, responseDueAt, observedAt);
  }

  /** True in time, false breached, null not yet decided (or ended without a confirmed fix). */
  Boolean resolutionInTime(Instant observedAt) {
    if (resolvedAt == null && endedAt != null && !endedAt.isAfter(observedAt)) {
      return null;
    }
    return inTime(resolvedAt, resolutionDueAt, observedAt);
  }

  private static Boolean inTime(Instant done, Instant due, Instant observedAt) {
    if (due == null) {
      return null;
    }
    if (done != null && !done.isAfter(observedAt)) {
      return !done.isAfter(due);
    }
    return observedAt.isAfter(due) ? Boolean.FALSE : null;
  }
}
