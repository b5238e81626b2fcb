package edu.campus.logistics.stocktake;

import java.math.BigDecimal;

/** One row of {@code countedItems}: how many of an item the counter found. */
public record CountedItem(String itemCode, BigDecimal quantity) {
}
