package edu.campus.logistics.procurement;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A closed set of options a form submits by id. */
public interface Choice {

  String id();

  String label();

  /** The option with this id, or a 400 naming the allowed ids. */
  static <E extends Enum<E> & Choice> E parse(Class<E> type, Object value, String variable, String labelZh) {
    for (E option : type.getEnumConstants()) {
      if (option.id().equals(value)) {
        return option;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants()).map(Choice::id).collect(Collectors.joining(", "));
    throw Refusal.of("%s必须是以下之一：%s".formatted(labelZh, allowed),
        "%s must be one of: %s (got %s)".formatted(variable, allowed, value));
  }
}
