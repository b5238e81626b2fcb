package edu.campus.logistics.exports;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where an export writes its table, row by row: an .xlsx workbook or a CSV file. Cells are
 * {@code null}, text, numbers ({@link java.math.BigDecimal}, Integer, ...) or already formatted
 * times; nothing is held back beyond what the format needs (SXSSF keeps a window of rows).
 */
interface TableSink extends Closeable {

  /** @throws java.io.UncheckedIOException when the caller went away */
  void header(List<String> columns);

  /** @throws java.io.UncheckedIOException when the caller went away */
  void row(List<?> cells);

  /** Writes what is left; the stream itself stays open for the servlet container. */
  @Override
  void close() throws IOException;
}
