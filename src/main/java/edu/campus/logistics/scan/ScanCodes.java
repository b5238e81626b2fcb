package edu.campus.logistics.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The QR codes of 扫码报修: each encodes the phone report page's address under the school's public
 * base URL ({@code campus.scan.public-base-url}) with the place code or the asset tag, e.g.
 * {@code http://houqin.school.example/scan/report.html?place=JXL-301}.
 */
@Service
public class ScanCodes {

  /** The phone report page, served by this application (src/main/resources/static/scan/). */
  public static final String REPORT_PAGE = "/scan/report.html";
  /** Pixels per side of a code image: about 3 cm at print resolution, easy for any phone camera. */
  static final int SIZE = 360;

  private final String baseUrl;

  ScanCodes(@Value("${campus.scan.public-base-url}") String baseUrl) {
    String trimmed = baseUrl.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (!trimmed.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
      throw new IllegalStateException("campus.scan.public-base-url must be an http(s) address without query, e.g. "
          + "https://houqin.school.example, not: " + baseUrl);
    }
    this.baseUrl = trimmed;
  }

  public String placeUrl(String code) {
    return baseUrl + REPORT_PAGE + "?place=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }

  public String assetUrl(String tag) {
    return baseUrl + REPORT_PAGE + "?asset=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
  }

  /** A PNG image of the QR code for {@code url} (error correction M, a quiet zone of two modules). */
  public byte[] png(String url) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, SIZE, SIZE,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
              EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
      return png.toByteArray();
    } catch (WriterException tooLong) {
      throw new IllegalStateException("a QR code cannot hold " + url.length() + " characters", tooLong);
    } catch (IOException notWritten) {
      throw new UncheckedIOException(notWritten);
    }
  }
}
