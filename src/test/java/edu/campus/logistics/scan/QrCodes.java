package edu.campus.logistics.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Reads QR codes back as a phone camera would: from a PNG, or from every inline image of a printable sheet. */
public final class QrCodes {

  private static final Pattern INLINE_PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  private QrCodes() {
  }

  /** The text the QR code in this PNG encodes. */
  public static String decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new AssertionError("not an image (" + png.length + " bytes)");
      }
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
          .getText();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    } catch (NotFoundException | ChecksumException | FormatException noCode) {
      throw new AssertionError("no readable QR code in the image", noCode);
    }
  }

  /** The texts of the sheet's inline QR images, in page order. */
  public static List<String> decodeSheet(String html) {
    List<String> texts = new ArrayList<>();
    Matcher image = INLINE_PNG.matcher(html);
    while (image.find()) {
      texts.add(decode(Base64.getDecoder().decode(image.group(1))));
    }
    return texts;
  }
}
