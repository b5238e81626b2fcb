package edu.campus.logistics.metrics;

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

  /** The case as the read model has it; an unfinished wait for parts counts until {@code now}. */
  static RepairCase of(KpiCase row, Instant now) {
    List<EscalationFact> escalations = new ArrayList<>();
    for (KpiCase.Pair entry : KpiCase.pairs(row.escalations())) {
      escalations.add(new EscalationFact(entry.first().isEmpty() ? "response" : entry.first(), level(entry.second())));
    }
    Duration waiting = Duration.ofMillis(row.partsWaitMillis());
    if (row.partsWaitSince() != null) {
      waiting = waiting.plus(Duration.between(row.partsWaitSince(), now));
    }
    Instant reported = row.reportedAt() != null ? row.reportedAt() : row.startedAt();
    return new RepairCase(row.id(), row.businessKey(), reported, row.endedAt(), row.category(), row.urgency(),
        row.location(), row.assetTag(), row.firstResponder(), row.technician(), row.workDone(), row.respondedAt(),
        row.dispatchedAt(), row.resolvedAt(), row.responseDueAt(), row.resolutionDueAt(), row.fixed(),
        row.reopenCount() == null ? 0 : row.reopenCount(), row.satisfaction(), List.copyOf(escalations), waiting);
  }

  private static int level(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
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
