package edu.campus.logistics.duty;

/** Who is on duty for a duty day (decision {@code duty-roster}): the duty officer and the duty leader, as user ids. */
public record Duty(String officer, String leader) {
}
