package edu.campus.logistics.metrics;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.EntryType;
import edu.campus.logistics.ledger.LedgerFigures;
import edu.campus.logistics.ledger.LedgerFigures.CaseItemTotal;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** Repair KPIs and the per-staff figures (绩效), computed from the repair history of a period. */
@Service
public class RepairMetrics {

  /** A fault reported again within this time for the same asset, or the same location and category. */
  static final Duration REPEAT_WINDOW = Duration.ofDays(30);
  static final String WAIT_FOR_PARTS = KpiCaseMapping.WAIT_FOR_PARTS;

  public record RepairReport(LocalDate from, LocalDate to, int reported, int resolved, int open,
                             Map<String, Long> byCategory, Map<String, Long> byUrgency, Map<String, Long> byLocation,
                             Durations firstResponse, Durations resolution, Durations resolutionWithoutPartsWait,
                             Sla responseSla, Sla resolutionSla, Map<String, Long> escalationsByLevel,
                             Map<String, Long> escalationsByStage, int answeredCases, int reopenedCases,
                             Double reopenRatePercent, Double meanSatisfaction, Map<String, Long> satisfaction,
                             Map<String, Long> backlogByAge, List<RepeatFault> repeatFaults, List<WeekSla> slaByWeek) {
  }

  public record RepeatFault(String businessKey, String previousBusinessKey, String reason, String category,
                            String location, String assetTag) {
  }

  public record WeekSla(LocalDate weekStart, int reported, Double responseCompliancePercent,
                        Double resolutionCompliancePercent) {
  }

  public record StaffReport(LocalDate from, LocalDate to, List<FirstResponderFigures> firstResponders,
                            List<TechnicianFigures> technicians) {
  }

  public record FirstResponderFigures(String userId, String name, int ownedCases, int resolvedCases,
                                      Double meanFirstResponseMinutes, Double meanResolutionMinutes,
                                      Double responseCompliancePercent, Double resolutionCompliancePercent,
                                      Double meanSatisfaction, int escalations, int reopenedCases) {
  }

  public record TechnicianFigures(String userId, String name, int jobsDone, BigDecimal partsQuantity,
                                  BigDecimal partsValueCny) {
  }

  /** A part taken from stock for the period's repairs: how often (times) and how many. */
  public record PartUse(String itemCode, String name, String unit, long times, BigDecimal quantity, BigDecimal valueCny) {
  }

  private final KpiCases source;
  private final ProcessHistory history;
  private final LedgerFigures ledger;

  /** {@code source}: the read model (the application), or the history (MetricsBenchmark's comparison). */
  RepairMetrics(KpiCases source, ProcessHistory history, LedgerFigures ledger) {
    this.source = source;
    this.history = history;
    this.ledger = ledger;
  }

  /** The cases reported in [start, end) (process start; the repeat window reaches before the period). */
  List<RepairCase> cases(Instant start, Instant end) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return source.started(ProcessKeys.REPAIR, start, end).stream().map(row -> RepairCase.of(row, now)).toList();
  }

  public RepairReport repairs(Period period) {
    return report(period, casesWithRepeatWindow(period));
  }

  /** The period's cases and those of the repeat window before it (for repeat faults). */
  List<RepairCase> casesWithRepeatWindow(Period period) {
    return cases(period.start().minus(REPEAT_WINDOW), period.end());
  }

  static List<RepairCase> inPeriod(Period period, List<RepairCase> withEarlier) {
    Instant start = period.start();
    return withEarlier.stream().filter(c -> !c.reportedAt().isBefore(start)).toList();
  }

  RepairReport report(Period period, List<RepairCase> earlier) {
    Instant observedAt = period.observedAt(ClockUtil.getCurrentTime().toInstant());
    List<RepairCase> cases = inPeriod(period, earlier);

    Map<String, Long> escalationsByLevel = new TreeMap<>();
    Map<String, Long> escalationsByStage = new TreeMap<>();
    cases.stream().flatMap(c -> c.escalations().stream()).forEach(escalation -> {
      escalationsByLevel.merge(String.valueOf(escalation.level()), 1L, Long::sum);
      escalationsByStage.merge(escalation.stage(), 1L, Long::sum);
    });
    List<RepairCase> answered = cases.stream().filter(c -> c.answered() != null).toList();
    long reopened = answered.stream().filter(c -> c.reopenCount() > 0).count();
    List<Long> ratings = cases.stream().map(RepairCase::satisfaction).filter(Objects::nonNull).toList();
    Map<String, Long> distribution = new LinkedHashMap<>();
    for (long score = 1; score <= 5; score++) {
      long s = score;
      distribution.put(String.valueOf(score), ratings.stream().filter(r -> r == s).count());
    }
    Map<String, Long> backlog = new LinkedHashMap<>();
    for (String bucket : List.of("lessThan1Day", "from1To3Days", "from3To7Days", "moreThan7Days")) {
      backlog.put(bucket, 0L);
    }
    cases.stream().filter(c -> c.openAt(observedAt))
        .forEach(c -> backlog.merge(ageBucket(Duration.between(c.reportedAt(), observedAt)), 1L, Long::sum));

    return new RepairReport(period.from(), period.to(), cases.size(),
        (int) cases.stream().filter(c -> c.resolvedAt() != null).count(),
        (int) cases.stream().filter(c -> c.openAt(observedAt)).count(),
        count(cases, RepairCase::category), count(cases, RepairCase::urgency), count(cases, RepairCase::location),
        durations(cases, RepairCase::firstResponse), durations(cases, RepairCase::resolution),
        durations(cases, RepairCase::resolutionWithoutPartsWait),
        Sla.of(judge(cases, c -> c.responseInTime(observedAt))), Sla.of(judge(cases, c -> c.resolutionInTime(observedAt))),
        escalationsByLevel, escalationsByStage, answered.size(), (int) reopened, Percent.of(reopened, answered.size()),
        Percent.mean(ratings.stream().mapToLong(Long::longValue).sum(), ratings.size()), distribution, backlog,
        repeatFaults(earlier, cases), weeks(period, cases, observedAt));
  }

  public StaffReport staff(Period period) {
    Instant observedAt = period.observedAt(ClockUtil.getCurrentTime().toInstant());
    List<RepairCase> cases = cases(period.start(), period.end());
    Map<String, String> names = history.userNames();
    List<FirstResponderFigures> responders = new ArrayList<>();
    cases.stream().filter(c -> c.firstResponder() != null)
        .collect(Collectors.groupingBy(RepairCase::firstResponder, TreeMap::new, Collectors.toList()))
        .forEach((user, owned) -> {
          List<Long> ratings = owned.stream().map(RepairCase::satisfaction).filter(Objects::nonNull).toList();
          responders.add(new FirstResponderFigures(user, names.getOrDefault(user, user), owned.size(),
              (int) owned.stream().filter(c -> c.resolvedAt() != null).count(),
              durations(owned, RepairCase::firstResponse).meanMinutes(),
              durations(owned, RepairCase::resolution).meanMinutes(),
              Sla.of(judge(owned, c -> c.responseInTime(observedAt))).compliancePercent(),
              Sla.of(judge(owned, c -> c.resolutionInTime(observedAt))).compliancePercent(),
              Percent.mean(ratings.stream().mapToLong(Long::longValue).sum(), ratings.size()),
              owned.stream().mapToInt(c -> c.escalations().size()).sum(),
              (int) owned.stream().filter(c -> c.reopenCount() > 0).count()));
        });
    Map<String, List<CaseItemTotal>> parts = partsByCase(cases, period.start());
    List<TechnicianFigures> technicians = new ArrayList<>();
    cases.stream().filter(c -> c.technician() != null && c.workDone())
        .collect(Collectors.groupingBy(RepairCase::technician, TreeMap::new, Collectors.toList()))
        .forEach((user, jobs) -> {
          List<CaseItemTotal> used = jobs.stream().flatMap(c -> parts.getOrDefault(c.id(), List.of()).stream()).toList();
          technicians.add(new TechnicianFigures(user, names.getOrDefault(user, user), jobs.size(),
              used.stream().map(CaseItemTotal::quantity).map(BigDecimal::negate).reduce(BigDecimal.ZERO, BigDecimal::add),
              used.stream().map(CaseItemTotal::amount).map(BigDecimal::negate).reduce(BigDecimal.ZERO, BigDecimal::add)));
        });
    return new StaffReport(period.from(), period.to(), responders, technicians);
  }

  /** Parts taken from stock for the period's cases, most often used first. */
  List<PartUse> partsUsed(Period period, List<RepairCase> cases) {
    Map<String, List<CaseItemTotal>> parts = partsByCase(cases, period.start());
    Map<String, PartUse> byItem = new HashMap<>();
    parts.values().stream().flatMap(List::stream).forEach(line -> byItem.merge(line.itemCode(),
        new PartUse(line.itemCode(), line.itemName(), line.unit(), line.entries(), line.quantity().negate(),
            line.amount().negate()),
        (a, b) -> new PartUse(a.itemCode(), a.name(), a.unit(), a.times() + b.times(), a.quantity().add(b.quantity()),
            a.valueCny().add(b.valueCny()))));
    return byItem.values().stream()
        .sorted(Comparator.comparingLong(PartUse::times).reversed().thenComparing(PartUse::itemCode)).toList();
  }

  private Map<String, List<CaseItemTotal>> partsByCase(List<RepairCase> cases, Instant since) {
    Map<String, RepairCase> byId = cases.stream().collect(Collectors.toMap(RepairCase::id, Function.identity()));
    return ledger.entriesByCaseAndItem(EntryType.REPAIR_USE, since).stream()
        .filter(line -> byId.containsKey(line.processInstanceId()))
        .collect(Collectors.groupingBy(CaseItemTotal::processInstanceId));
  }

  static String ageBucket(Duration age) {
    if (age.compareTo(Duration.ofDays(1)) < 0) {
      return "lessThan1Day";
    }
    if (age.compareTo(Duration.ofDays(3)) < 0) {
      return "from1To3Days";
    }
    return age.compareTo(Duration.ofDays(7)) < 0 ? "from3To7Days" : "moreThan7Days";
  }

  /**
   * Repeat faults in one pass per group: the cases are grouped by asset tag and by location and category,
   * each group sorted by report time; a case's earlier report is its predecessor in a group.
   */
  private static List<RepeatFault> repeatFaults(List<RepairCase> withEarlier, List<RepairCase> inPeriod) {
    Map<String, RepairCase> byAsset = previousInGroup(withEarlier, c -> c.assetTag());
    Map<String, RepairCase> byPlace = previousInGroup(withEarlier,
        c -> c.location() == null || c.category() == null ? null : c.location() + " | " + c.category());
    List<RepeatFault> repeats = new ArrayList<>();
    for (RepairCase c : inPeriod) {
      RepairCase asset = byAsset.get(c.id());
      RepairCase place = byPlace.get(c.id());
      RepairCase before = asset == null ? place
          : place == null || !place.reportedAt().isAfter(asset.reportedAt()) ? asset : place;
      if (before != null) {
        repeats.add(new RepeatFault(c.businessKey(), before.businessKey(), before == asset ? "asset" : "location",
            c.category(), c.location(), c.assetTag()));
      }
    }
    return repeats;
  }

  /** For each case with a key: the latest case of the same key reported before it, within the repeat window. */
  private static Map<String, RepairCase> previousInGroup(List<RepairCase> cases, Function<RepairCase, String> key) {
    Map<String, RepairCase> previous = new HashMap<>();
    cases.stream().filter(c -> key.apply(c) != null).collect(Collectors.groupingBy(key)).values().forEach(group -> {
      group.sort(Comparator.comparing(RepairCase::reportedAt));
      for (int i = 1; i < group.size(); i++) {
        RepairCase c = group.get(i);
        int j = i - 1;
        while (j >= 0 && !group.get(j).reportedAt().isBefore(c.reportedAt())) {
          j--;
        }
        if (j >= 0 && !group.get(j).reportedAt().isBefore(c.reportedAt().minus(REPEAT_WINDOW))) {
          previous.put(c.id(), group.get(j));
        }
      }
    });
    return previous;
  }

  private static boolean sameAsset(RepairCase a, RepairCase b) {
    return a.assetTag() != null && a.assetTag().equals(b.assetTag());
  }

  private static boolean samePlace(RepairCase a, RepairCase b) {
    return a.location() != null && a.location().equals(b.location()) && Objects.equals(a.category(), b.category());
  }

  private static List<WeekSla> weeks(Period period, List<RepairCase> cases, Instant observedAt) {
    Map<LocalDate, List<RepairCase>> byWeek = new TreeMap<>();
    for (LocalDate week = weekStart(period.from()); !week.isAfter(period.to()); week = week.plusWeeks(1)) {
      byWeek.put(week, new ArrayList<>());
    }
    cases.forEach(c -> byWeek.computeIfAbsent(weekStart(LocalDate.ofInstant(c.reportedAt(), period.zone())),
        week -> new ArrayList<>()).add(c));
    return byWeek.entrySet().stream().map(week -> new WeekSla(week.getKey(), week.getValue().size(),
        Sla.of(judge(week.getValue(), c -> c.responseInTime(observedAt))).compliancePercent(),
        Sla.of(judge(week.getValue(), c -> c.resolutionInTime(observedAt))).compliancePercent())).toList();
  }

  private static LocalDate weekStart(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static Map<String, Long> count(Collection<RepairCase> cases, Function<RepairCase, String> key) {
    return cases.stream().filter(c -> key.apply(c) != null)
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static Durations durations(Collection<RepairCase> cases, Function<RepairCase, Duration> duration) {
    return Durations.of(cases.stream().map(duration).filter(Objects::nonNull).toList());
  }

  static List<Boolean> judge(Collection<RepairCase> cases, Function<RepairCase, Boolean> verdict) {
    return cases.stream().map(verdict).filter(Objects::nonNull).toList();
  }
}
