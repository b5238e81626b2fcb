package edu.campus.logistics.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Simplified Chinese translations of the Camunda webapps ({@code app/<app>/locales/zh.json} in
 * src/main/resources) against the English file of the webapp jar on the classpath
 * ({@code camunda-webapp-webjar}): an upgrade that adds or renames keys fails here, naming them.
 * Per key: present, not blank, the same {@code {{placeholders}}}, {@code {}} counters, moment's
 * {@code %d}/{@code %s}, line breaks and HTML tags (attributes included) as the English value, no Latin
 * word left except product names and technical abbreviations, and never the English value itself
 * except for the short {@link #SAME_AS_ENGLISH} list.
 */
class WebappTranslationTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final String WEBJAR = "camunda-webapp-webjar";

  /** English values that stay as they are in Chinese: product names, formats, operators, file types. */
  private static final Set<String> SAME_AS_ENGLISH = Set.of(
      "", "Camunda", "Optimize", "ID", "ID*", "CSV", "JSON", "<", "<=", ">", ">=", "YYYY-MM-DDTHH:mm:ss");

  /** Keys whose Chinese value is empty on purpose: English appends a plural "s"; Chinese has none. */
  private static final Set<String> EMPTY_ON_PURPOSE = Set.of(
      "labels.PLGN_BATCH_S", "labels.PLGN_MIG_S", "labels.PLGN_MOD_DIALOG_S", "labels.PLGN_MOD_RESTART_DIALOG_S");

  /** moment.js formats and week numbers, checked by {@link #datesAreChinese} instead. */
  private static final List<String> FORMAT_KEYS = List.of(
      "dateLocales.longDateFormat.", "dateLocales.week.", "dateLocales.calendar.sameElse");

  /** Latin words a Chinese user sees in our texts: names, abbreviations, formats, a key and a literal. */
  private static final Set<String> LATIN_WORDS = Set.of(
      "ID", "Camunda", "Optimize", "CSV", "JSON", "DMN", "BPMN", "XML", "LDAP", "API", "DRD", "EDE", "FNI",
      "DI", "PI", "TU", "F5", "Ctrl", "true", "null", "Promise", "resolve", "cockpit", "tasklist",
      "yyyy-MM-ddTHH", "YYYY-MM-DDTHH", "mm", "ss");

  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{[^}]*}}|\\{}|%[ds]|\\n|</?(?:a|br|strong|b|i|em|span|code|p|ul|li|div)\\b[^>]*>");
  private static final Pattern NOT_TEXT = Pattern.compile(
      "\\{\\{[^}]*}}|<[^>]+>|&[a-z]+;|%[ds]|\\[[^\\]]*]|\\b(?:dddd|LT|L|HH)\\b");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9.#-]*");

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAChineseValueWithTheSamePlaceholders(String app) throws IOException {
    Map<String, String> english = leaves(read(app, "en", true));
    Map<String, String> chinese = leaves(read(app, "zh", false));
    assertThat(english).as("English keys of %s in the webjar", app).hasSizeGreaterThan(100);

    List<String> problems = new ArrayList<>();
    english.keySet().stream().filter(key -> !chinese.containsKey(key))
        .forEach(key -> problems.add(key + ": missing in zh.json (English \"" + english.get(key) + "\")"));
    chinese.keySet().stream().filter(key -> !english.containsKey(key))
        .forEach(key -> problems.add(key + ": not a key of the webjar's en.json"));
    english.forEach((key, en) -> {
      String zh = chinese.get(key);
      if (zh == null) {
        return;
      }
      if (!placeholders(en).equals(placeholders(zh))) {
        problems.add(key + ": placeholders " + placeholders(en) + " but " + placeholders(zh) + " in \"" + zh + "\"");
      }
      if (FORMAT_KEYS.stream().anyMatch(key::startsWith)) {
        return;
      }
      if (zh.equals(en) && !SAME_AS_ENGLISH.contains(en)) {
        problems.add(key + ": still English \"" + en + "\"");
      }
      if (zh.isBlank() && !en.isBlank() && !EMPTY_ON_PURPOSE.contains(key)) {
        problems.add(key + ": empty, English is \"" + en + "\"");
      }
      for (String word : latinWords(zh)) {
        if (!LATIN_WORDS.contains(word) && !SAME_AS_ENGLISH.contains(zh)) {
          problems.add(key + ": English word \"" + word + "\" in \"" + zh + "\"");
        }
      }
    });
    assertThat(problems).as("%s: translation problems", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreChinese(String app) throws IOException {
    JsonNode dates = read(app, "zh", false).path("dateLocales");
    JsonNode englishDates = read(app, "en", true).path("dateLocales");
    assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(dates.path("longDateFormat").path("LL").asText()).isEqualTo("YYYY年M月D日");
    assertThat(dates.path("months").get(0).asText()).isEqualTo("一月");
    assertThat(dates.path("weekdays").get(0).asText()).isEqualTo("星期日");
    for (String list : List.of("months", "monthsShort", "weekdays", "weekdaysShort", "weekdaysMin")) {
      assertThat(dates.path(list).size()).as(list).isEqualTo(englishDates.path(list).size());
    }
    assertThat(dates.path("week")).isEqualTo(englishDates.path("week"));
  }

  /** The file from the webjar (English) or from the application's own resources (ours), never mixed up. */
  private static JsonNode read(String app, String locale, boolean fromWebjar) throws IOException {
    String path = String.format(LOCALES, app, locale);
    List<URL> found = Collections.list(WebappTranslationTest.class.getClassLoader().getResources(path));
    URL url = found.stream().filter(candidate -> candidate.toString().contains(WEBJAR) == fromWebjar)
        .findFirst().orElseThrow(() -> new AssertionError(path + " not found " + (fromWebjar
            ? "in the Camunda webapp jar" : "in the application's resources") + " on the classpath: " + found));
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static Map<String, String> leaves(JsonNode root) {
    Map<String, String> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String prefix, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> collect(prefix + name + ".", node.get(name), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(prefix + i + ".", node.get(i), leaves);
      }
    } else {
      leaves.put(prefix.substring(0, prefix.length() - 1), node.asText());
    }
  }

  private static Map<String, Integer> placeholders(String value) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher matcher = PLACEHOLDER.matcher(value);
    while (matcher.find()) {
      counts.merge(matcher.group(), 1, Integer::sum);
    }
    return counts;
  }

  private static List<String> latinWords(String value) {
    List<String> words = new ArrayList<>();
    Matcher matcher = LATIN_WORD.matcher(NOT_TEXT.matcher(value).replaceAll(" "));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }
}
