package edu.campus.logistics.exports;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 合计 row of a case register: how many cases (共 N 件, in the second column) and the sum of
 * each money column, adding up as the rows are written.
 */
final class CaseTotals {

  private final Map<Integer, BigDecimal> sums = new LinkedHashMap<>();
  private long count;

  CaseTotals(int... moneyColumns) {
    for (int column : moneyColumns) {
      sums.put(column, BigDecimal.ZERO);
    }
  }

  /** Counts one more case. */
  void count() {
    count++;
  }

  /** The amount as the register shows it (null when there is none), added to the column's sum. */
  BigDecimal add(int column, Object amount) {
    BigDecimal money = Labels.money(amount);
    if (money != null) {
      sums.merge(column, money, BigDecimal::add);
    }
    return money;
  }

  List<Object> row() {
    return Texts.totalRow(1, "共 " + count + " 件", sums);
  }
}
