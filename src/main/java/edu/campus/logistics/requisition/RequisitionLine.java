package edu.campus.logistics.requisition;

import java.math.BigDecimal;

/**
 * One line of a requisition: what the requester asked for (item, quantity, purpose), what the
 * catalogue says of the item, and where the line stands in the store.
 *
 * @param reserved    reserved for this round, to be issued at the next issue
 * @param issued      issued so far
 * @param outstanding still owed: requested − issued − reserved, unless withdrawn
 */
public record RequisitionLine(String itemCode, BigDecimal quantity, String purpose, String name, String spec,
                              String unit, String category, String itemClass, BigDecimal unitCost,
                              BigDecimal reserved, BigDecimal issued, BigDecimal outstanding) {

  static final String COPYING = "copying";
  static final String FIXED_ASSET = "fixed-asset";

  boolean fixedAsset() {
    return FIXED_ASSET.equals(itemClass);
  }

  RequisitionLine with(BigDecimal newReserved, BigDecimal newIssued, BigDecimal newOutstanding) {
    return new RequisitionLine(itemCode, quantity, purpose, name, spec, unit, category, itemClass, unitCost,
        newReserved, newIssued, newOutstanding);
  }

  RequisitionLine classified(String newItemClass) {
    return new RequisitionLine(itemCode, quantity, purpose, name, spec, unit, category, newItemClass, unitCost,
        reserved, issued, outstanding);
  }
}
