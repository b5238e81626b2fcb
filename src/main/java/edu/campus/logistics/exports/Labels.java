package edu.campus.logistics.exports;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.ledger.AssetStatus;
import edu.campus.logistics.ledger.EntryType;
import edu.campus.logistics.repair.RepairCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;

/** The Chinese words auditors read for the ids the system stores. */
final class Labels {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final Map<EntryType, String> ENTRY_TYPES = Map.of(EntryType.RECEIPT, "入库",
      EntryType.ISSUE, "领用出库", EntryType.REPAIR_USE, "维修领料", EntryType.ADJUSTMENT, "盘点调整");

  private static final Map<AssetStatus, String> ASSET_STATUSES = Map.of(AssetStatus.IN_USE, "在用",
      AssetStatus.DAMAGED, "损坏", AssetStatus.UNDER_REPAIR, "维修中", AssetStatus.RETIRED, "报废", AssetStatus.MISSING, "盘亏");

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("approve", "同意"), Map.entry("reject", "驳回"), Map.entry("revise", "退回修改"),
      Map.entry("stocked", "已入库"), Map.entry("rejected", "已驳回"), Map.entry("withdrawn", "已撤回"),
      Map.entry("accepted", "全部验收"), Map.entry("partial", "部分验收"),
      Map.entry("urgent", "紧急"), Map.entry("normal", "一般"),
      Map.entry("wear", "正常损耗"), Map.entry("damage", "人为损坏"), Map.entry("other", "其他"),
      Map.entry("technician", "维修工"), Map.entry("contractor", "外包单位"));

  private Labels() {
  }

  static String entryType(EntryType type) {
    return ENTRY_TYPES.get(type);
  }

  static String assetStatus(AssetStatus status) {
    return ASSET_STATUSES.get(status);
  }

  static String repairCategory(Object id) {
    return Arrays.stream(RepairCategory.values()).filter(category -> category.id().equals(id)).findFirst()
        .map(RepairCategory::label).orElse(id == null ? null : id.toString());
  }

  static String group(Object id) {
    return id == null ? null : CampusGroup.byId(id.toString()).map(CampusGroup::displayName).orElse(id.toString());
  }

  /** A stored word (decision, end state, urgency, cause, ...) in Chinese; unknown words as they are. */
  static String word(Object id) {
    return id == null ? null : WORDS.getOrDefault(id.toString(), id.toString());
  }

  static String time(Object value, ZoneId zone) {
    Instant instant = value instanceof Date date ? date.toInstant()
        : value instanceof Instant at ? at
        : value instanceof String text && !text.isBlank() ? parse(text) : null;
    return instant == null ? (value == null ? null : value.toString()) : TIME.format(instant.atZone(zone));
  }

  private static Instant parse(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException notAnInstant) {
      return null;
    }
  }

  static BigDecimal money(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }
}
