package edu.campus.logistics.metrics;

import java.util.Collection;
import java.util.Objects;

/** Cases judged against a deadline: in time, breached, and the share in time. */
public record Sla(long inTime, long breached, Double compliancePercent) {

  static Sla of(Collection<Boolean> judged) {
    long in = judged.stream().filter(Objects::nonNull).filter(Boolean::booleanValue).count();
    long out = judged.stream().filter(Objects::nonNull).filter(value -> !value).count();
    return new Sla(in, out, Percent.of(in, in + out));
  }
}
