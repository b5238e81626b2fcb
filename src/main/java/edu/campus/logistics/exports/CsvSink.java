package edu.campus.logistics.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark, so that Excel opens the Chinese headers and texts
 * correctly. Text that a spreadsheet would read as a formula (starting with {@code = + - @}) gets a
 * leading apostrophe.
 */
final class CsvSink implements TableSink {

  private final Writer writer;

  CsvSink(OutputStream out) throws IOException {
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
  }

  @Override
  public void header(List<String> columns) {
    row(columns);
  }

  @Override
  public void row(List<?> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          writer.write(',');
        }
        writer.write(field(cells.get(i)));
      }
      writer.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    writer.flush();
  }
}
