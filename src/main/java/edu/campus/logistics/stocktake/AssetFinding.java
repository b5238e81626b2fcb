package edu.campus.logistics.stocktake;

import java.util.Map;

/** One row of {@code assetFindings}: what the counter found of an asset. */
public record AssetFinding(String assetTag, String finding, String foundLocation) {

  public static final String PRESENT = "present";
  public static final String MISSING = "missing";
  public static final String DAMAGED = "damaged";
  public static final String ELSEWHERE = "elsewhere";

  /** The findings in the words of the counting form. */
  static final Map<String, String> LABELS = Map.of(PRESENT, "在位", MISSING, "缺失（盘亏）", DAMAGED, "损坏",
      ELSEWHERE, "在其他地点");
}
