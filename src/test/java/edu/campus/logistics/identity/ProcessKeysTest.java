package edu.campus.logistics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ProcessKeys names exactly the processes the application deploys: those of processes/&lt;feature&gt;/*.bpmn. */
class ProcessKeysTest {

  private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

  @Test
  void processKeysAreTheDeployedProcesses() throws IOException, IllegalAccessException {
    List<String> keys = new ArrayList<>();
    for (Field field : ProcessKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        keys.add((String) field.get(null));
      }
    }
    List<String> deployed = new ArrayList<>();
    try (Stream<Path> models = Files.walk(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        Matcher process = PROCESS_ID.matcher(Files.readString(model));
        while (process.find()) {
          deployed.add(process.group(1));
          assertThat(model.getFileName().toString()).as("process id = file name").isEqualTo(process.group(1) + ".bpmn");
        }
      }
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(deployed);
  }
}
