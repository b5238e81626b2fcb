package edu.campus.logistics.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How much of what a person sees on a page is English. The page's visible strings are its visible
 * text nodes (each label, button, heading, message, table cell…) and the placeholders of visible
 * inputs; a string is English when, after removing the {@link #ALLOWED} names and ids, it still holds
 * a Latin word of two or more letters. Each measurement is printed and appended to
 * {@code target/localization-share.txt}.
 */
final class VisibleLanguage {

  static final Path REPORT = Path.of("target", "localization-share.txt");

  /**
   * Latin text a Chinese user may see: product and technical names, time zone ids (the footer's
   * "按本地时区显示：Asia/Shanghai"), the footer's product link "Camunda Platform", e-mail addresses,
   * user ids in option labels ("何军 (hejun)"), versions, and the abbreviations our glossary keeps
   * (ID, DMN…). A page may allow more ids it lists (process keys, user ids) in {@link #measure}.
   */
  static final List<Pattern> ALLOWED = List.of(
      Pattern.compile("\\bCamunda(?: Platform)?\\b"),
      Pattern.compile("[\\w.-]+@[\\w.-]+"),
      Pattern.compile("\\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Etc|Indian|Pacific)/[A-Za-z_]+\\b"),
      Pattern.compile("\\b(?:UTC|GMT)\\b"),
      Pattern.compile("\\(\\s*[a-z][a-z0-9._-]*\\s*\\)"),
      Pattern.compile("\\bv?\\d+(?:\\.\\d+)+(?:-[A-Za-z0-9]+)?\\b"),
      Pattern.compile("\\b(?:ID|IDs|DMN|BPMN|DRD|CSV|JSON|API)\\b"),
      // case numbers (numbering/CaseNumbers): CG-2026-0042, BX-2026-0137
      Pattern.compile("\\b[A-Z]{2,8}-\\d{4}-\\d{4,}\\b"));

  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

  /** Visible text nodes and placeholders, trimmed, of elements a person can see. */
  private static final String COLLECT = """
      const strings = [];
      const visible = (element) => {
        if (!element || !element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) {
          return false;
        }
        const rect = element.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.data.replace(/\\s+/g, ' ').trim();
        const parent = node.parentElement;
        if (text && parent && !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName) && visible(parent)) {
          strings.push(text);
        }
      }
      for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
        const placeholder = (input.getAttribute('placeholder') || '').trim();
        if (placeholder && !input.value && visible(input)) {
          strings.push(placeholder);
        }
      }
      return strings;
      """;

  /** One page's measurement. */
  record Share(String page, List<String> strings, List<String> english) {

    double percent() {
      return strings.isEmpty() ? 0 : 100.0 * english.size() / strings.size();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s: %d of %d visible strings English (%.1f %%)%s", page, english.size(),
          strings.size(), percent(), english.isEmpty() ? "" : " " + english);
    }
  }

  private VisibleLanguage() {
  }

  static Share measure(Browser browser, String page) {
    return measure(browser, page, Set.of());
  }

  /** Measures a page that lists these ids (process definition keys, user or group ids) as data. */
  @SuppressWarnings("unchecked")
  static Share measure(Browser browser, String page, Set<String> ids) {
    List<String> strings = ((List<Object>) browser.script(COLLECT)).stream().map(String::valueOf).toList();
    Share share = new Share(page, strings, strings.stream().filter(text -> isEnglish(text, ids)).toList());
    System.out.println("LOCALIZATION " + share);
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, share + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return share;
  }

  static boolean isEnglish(String text, Set<String> ids) {
    String rest = ids.contains(text.trim()) ? "" : text;
    for (Pattern allowed : ALLOWED) {
      rest = allowed.matcher(rest).replaceAll(" ");
    }
    return LATIN_WORD.matcher(rest).find();
  }
}
