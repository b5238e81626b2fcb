package edu.campus.logistics.procurement;

import edu.campus.logistics.cases.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.ledger.ItemCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads and checks item lines ({@code items}, {@code purchaseItems}) from their JSON form. */
final class RequestLines {

  static final int MAX_LINES = 50;
  static final int MAX_CODE = 32;
  static final int MAX_NAME = 100;
  static final int MAX_SPEC = 100;
  static final int MAX_UNIT = 16;
  static final BigDecimal MAX_QUANTITY = new BigDecimal("100000");
  static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");
  static final BigDecimal MAX_TOTAL = new BigDecimal("10000000");

  private RequestLines() {
  }

  /** The checked lines of a JSON list; every problem is a 400 naming the line and the field. */
  static List<RequestLine> parse(JsonNode list, String variable, String labelZh) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw Refusal.of("%s至少需要一行".formatted(labelZh), "%s needs at least one line".formatted(variable));
    }
    if (list.size() > MAX_LINES) {
      throw Refusal.of("%s最多%d行".formatted(labelZh, MAX_LINES),
          "%s has at most %d lines".formatted(variable, MAX_LINES));
    }
    List<RequestLine> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < list.size(); i++) {
      Field field = new Field(list.get(i), variable, labelZh, i + 1);
      RequestLine line = line(field);
      lines.add(line);
      total = total.add(line.amount());
    }
    if (total.compareTo(MAX_TOTAL) > 0) {
      throw Refusal.of("%s合计%s元超过上限%s元".formatted(labelZh, total.toPlainString(), MAX_TOTAL.toPlainString()),
          "%s total %s exceeds %s".formatted(variable, total.toPlainString(), MAX_TOTAL.toPlainString()));
    }
    return lines;
  }

  /**
   * One line: a catalogue item (an item code; name, spec, category and unit may be absent, the
   * catalogue gives them, see {@link CatalogueLines}) or a new item (no code; name, category and unit
   * typed). {@code newItem} says which: true with a code is a contradiction, false without a code
   * asks for the code; absent, a line without a code is a new item (REST clients of issue 3).
   */
  private static RequestLine line(Field field) {
    String code = field.text("itemCode", "物品编码", MAX_CODE, false);
    Boolean flagged = field.flag("newItem", "新物品");
    if (code != null && Boolean.TRUE.equals(flagged)) {
      throw field.refuse("填写了物品编码又勾选了“新物品”，只能选一种：目录中有的物品填物品编码，目录中没有的才勾选“新物品”",
          "a line has either an itemCode or newItem true, not both");
    }
    if (code == null && Boolean.FALSE.equals(flagged)) {
      throw field.refuse("物品编码必填（目录中没有的物品请勾选“新物品”并填写名称、单位和类别）",
          "itemCode is required unless newItem is true");
    }
    boolean newItem = code == null;
    String category = field.text("category", "类别", MAX_NAME, newItem);
    if (category != null && !ItemCategory.isKnown(category)) {
      throw field.refuse("类别未知：" + category, "unknown category " + category);
    }
    return new RequestLine(code == null ? null : code.toUpperCase(Locale.ROOT), newItem,
        field.text("name", "名称", MAX_NAME, newItem), field.text("spec", "规格", MAX_SPEC, false), category,
        field.text("unit", "单位", MAX_UNIT, newItem), field.number("quantity", "数量", MAX_QUANTITY, 3),
        field.number("unitPrice", "单价", MAX_UNIT_PRICE, 2));
  }

  static BigDecimal total(List<RequestLine> lines) {
    return lines.stream().map(RequestLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The category of the line with the largest amount (the first such line on a tie). */
  static String mainCategory(List<RequestLine> lines) {
    return lines.stream().max(Comparator.comparing(RequestLine::amount))
        .map(RequestLine::category).orElse(ItemCategory.OTHER.id());
  }

  /** One field of one line, with messages that say which line and which field. */
  static final class Field {

    private final JsonNode line;
    private final String variable;
    private final String labelZh;
    private final int lineNo;

    Field(JsonNode line, String variable, String labelZh, int lineNo) {
      if (line == null || !line.isObject()) {
        throw Refusal.of("%s第%d行格式错误".formatted(labelZh, lineNo),
            "%s line %d must be an object".formatted(variable, lineNo));
      }
      this.line = line;
      this.variable = variable;
      this.labelZh = labelZh;
      this.lineNo = lineNo;
    }

    RuntimeException refuse(String chinese, String english) {
      return Refusal.of("%s第%d行：%s".formatted(labelZh, lineNo, chinese),
          "%s line %d: %s".formatted(variable, lineNo, english));
    }

    String text(String key, String keyZh, int maxLength, boolean required) {
      JsonNode value = line.get(key);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        if (required) {
          throw refuse(keyZh + "必填", key + " is required");
        }
        return null;
      }
      if (!value.isTextual()) {
        throw refuse(keyZh + "必须是文本", key + " must be a string");
      }
      String text = value.asText().trim();
      if (text.length() > maxLength) {
        throw refuse(keyZh + "最多" + maxLength + "个字", key + " is longer than " + maxLength + " characters");
      }
      return text;
    }

    /** A yes/no field (a form-js checkbox, or "true"/"false" from REST); null when absent. */
    Boolean flag(String key, String keyZh) {
      JsonNode value = line.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isBoolean()) {
        return value.booleanValue();
      }
      if (value.isTextual() && ("true".equals(value.asText().trim()) || "false".equals(value.asText().trim()))) {
        return Boolean.valueOf(value.asText().trim());
      }
      throw refuse(keyZh + "只能是“是”或“否”", key + " must be true or false");
    }

    BigDecimal number(String key, String keyZh, BigDecimal max, int decimals) {
      BigDecimal number = decimal(line.get(key));
      if (number == null) {
        throw refuse(keyZh + "必须是数字", key + " must be a number");
      }
      if (number.signum() <= 0) {
        throw refuse(keyZh + "必须大于0", key + " must be greater than 0");
      }
      if (number.compareTo(max) > 0) {
        throw refuse(keyZh + "不能大于" + max.toPlainString(), key + " must be at most " + max.toPlainString());
      }
      if (number.stripTrailingZeros().scale() > decimals) {
        throw refuse(keyZh + "最多" + decimals + "位小数", key + " has more than " + decimals + " decimals");
      }
      return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
    }

    /** A JSON number or a numeric string (REST clients send both); anything else is null. */
    static BigDecimal decimal(JsonNode value) {
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isNumber()) {
        return value.decimalValue();
      }
      if (value.isTextual()) {
        try {
          return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
  }
}
