package edu.campus.logistics.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An .xlsx workbook written with POI's streaming SXSSF: only {@link #WINDOW} rows are in memory,
 * the rest is flushed to a compressed temporary file and deleted on close. Text is always a text
 * cell, so nothing a user typed can become a formula.
 */
final class XlsxSink implements TableSink {

  static final int WINDOW = 100;
  private static final int MAX_TEXT = 32_767;

  private final OutputStream out;
  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final CellStyle headerStyle;
  private final CellStyle amountStyle;
  private int nextRow;

  XlsxSink(OutputStream out, String sheetName) {
    this.out = out;
    this.workbook = new SXSSFWorkbook(WINDOW);
    workbook.setCompressTempFiles(true);
    this.sheet = workbook.createSheet(sheetName);
    Font bold = workbook.createFont();
    bold.setBold(true);
    headerStyle = workbook.createCellStyle();
    headerStyle.setFont(bold);
    amountStyle = workbook.createCellStyle();
    amountStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00##"));
  }

  @Override
  public void header(List<String> columns) {
    Row row = sheet.createRow(nextRow++);
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(columns.get(i));
      cell.setCellStyle(headerStyle);
      sheet.setColumnWidth(i, Math.min(60, Math.max(10, columns.get(i).length() * 3 + 4)) * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  @Override
  public void row(List<?> cells) {
    Row row = sheet.createRow(nextRow++);
    for (int i = 0; i < cells.size(); i++) {
      Object value = cells.get(i);
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (value instanceof BigDecimal decimal) {
        cell.setCellValue(decimal.doubleValue());
        cell.setCellStyle(amountStyle);
      } else if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else {
        String text = value.toString();
        cell.setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      workbook.write(out);
      out.flush();
    } finally {
      workbook.close();
    }
  }
}
