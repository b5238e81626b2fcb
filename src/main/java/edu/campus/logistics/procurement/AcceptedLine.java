package edu.campus.logistics.procurement;

import java.math.BigDecimal;

/** One line of {@code acceptedQuantities}: what the inspector accepted of a purchase line. */
public record AcceptedLine(String name, String spec, String unit, BigDecimal ordered, BigDecimal accepted) {
}
