package edu.campus.logistics.input;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * Camunda's string variable serializer with the database column's limit checked up front: a longer
 * value is refused with a {@link BadUserRequestException} naming the variable, when it is set and
 * before anything is written, instead of a persistence error at the end of the transaction.
 */
public class BoundedStringSerializer extends StringValueSerializer {

  /** Length of {@code ACT_RU_VARIABLE.TEXT_} (and of the history tables) on H2 and PostgreSQL. */
  public static final int MAX_LENGTH = 4000;

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    String text = value.getValue();
    if (text != null && text.length() > MAX_LENGTH) {
      throw new BadUserRequestException("Text variable '" + valueFields.getName() + "' is " + text.length()
          + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    super.writeValue(value, valueFields);
  }
}
