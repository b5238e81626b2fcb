package edu.campus.logistics.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The two formats finance and auditors work with. */
enum ExportFormat {
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  CSV("csv", "text/csv;charset=UTF-8");

  private final String extension;
  private final String contentType;

  ExportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  String extension() {
    return extension;
  }

  String contentType() {
    return contentType;
  }

  TableSink open(OutputStream out, String sheetName) throws IOException {
    return this == XLSX ? new XlsxSink(out, sheetName) : new CsvSink(out);
  }

  static ExportFormat of(String value) {
    String wanted = value == null || value.isBlank() ? XLSX.extension : value.trim().toLowerCase();
    return Arrays.stream(values()).filter(format -> format.extension.equals(wanted)).findFirst()
        .orElseThrow(() -> ExportRefusal.badRequest("format must be one of "
            + Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", ")) + ": " + value));
  }
}
