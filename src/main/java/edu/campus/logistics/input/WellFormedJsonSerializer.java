package edu.campus.logistics.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.JsonValueSerializer;
import org.camunda.spin.plugin.variable.value.SpinValue;

/**
 * Spin's {@code json} variable serializer with the text checked up front: a {@code Json} variable
 * handed in as text (REST: {@code {"value": "...", "type": "Json"}}) that is not valid JSON is
 * refused with a {@link BadUserRequestException} naming the variable when it is set. Out of the box
 * the text is stored as it is and fails only when a listener reads it, which REST answers with 500.
 */
public class WellFormedJsonSerializer extends JsonValueSerializer {

  private static final ObjectMapper PARSER = new ObjectMapper();

  public WellFormedJsonSerializer() {
    super(DataFormats.json());
  }

  @Override
  public void writeValue(SpinValue value, ValueFields valueFields) {
    if (!value.isDeserialized() && value.getValueSerialized() != null) {
      try {
        PARSER.readTree(value.getValueSerialized());
      } catch (JsonProcessingException malformed) {
        throw new BadUserRequestException("Json variable '" + valueFields.getName() + "' is not valid JSON: "
            + malformed.getOriginalMessage());
      }
    }
    super.writeValue(value, valueFields);
  }
}
