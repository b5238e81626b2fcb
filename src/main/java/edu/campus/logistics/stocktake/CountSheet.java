package edu.campus.logistics.stocktake;

import java.util.List;

/**
 * One counting task's sheet (盘点表): the store's stock items, or the assets of one location. Holds
 * what the counter needs to find the goods, never a book quantity (blind count).
 *
 * @param sheetNo 0-based, the multi-instance loop counter of Task_CountStock
 * @param kind    {@link #STOCK} or {@link #ASSETS}
 */
public record CountSheet(int sheetNo, String kind, String title, String location, List<Item> items,
                         List<Asset> assets) {

  public static final String STOCK = "stock";
  public static final String ASSETS = "assets";

  /** An item to count: code, name, spec and unit as the catalogue has them. */
  public record Item(String itemCode, String name, String spec, String unit) {

    String label() {
      return name + (spec == null || spec.isBlank() ? "" : " " + spec) + "（" + unit + "）";
    }
  }

  /** An asset to look for at the sheet's location, and whose care it is in (责任到人). */
  public record Asset(String assetTag, String name, String custodian) {

    String label() {
      return assetTag + " " + name + "（保管人 " + custodian + "）";
    }
  }
}
