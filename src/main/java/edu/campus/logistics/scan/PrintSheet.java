package edu.campus.logistics.scan;

import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AuditedAsset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable sheet of one building: a label with a QR code for each of its places (register of
 * places) and for each asset card located in it (asset register: the card's location begins with the
 * building's name, retired cards left out). One self-contained HTML page — the images are inline, the
 * styles print on A4 with cut lines and no page break inside a label.
 */
@Service
public class PrintSheet {

  /** One label on the sheet. */
  record Label(String title, String subtitle, String url) {
  }

  private final Places places;
  private final AssetRegister assets;
  private final ScanCodes codes;

  PrintSheet(Places places, AssetRegister assets, ScanCodes codes) {
    this.places = places;
    this.assets = assets;
    this.codes = codes;
  }

  /** The building's labels: its places in code order, then its asset cards in tag order; empty for an unknown building. */
  List<Label> labels(String building) {
    List<Label> labels = new ArrayList<>();
    for (Place place : places.inBuilding(building)) {
      labels.add(new Label(place.location(), "地点编码 " + place.code(), codes.placeUrl(place.code())));
    }
    for (AuditedAsset asset : assets.audited()) {
      if (asset.location().startsWith(building)) {
        labels.add(new Label(asset.name() + " · " + asset.location(), "资产编号 " + asset.tag(), codes.assetUrl(asset.tag())));
      }
    }
    return labels;
  }

  /** The sheet as HTML, or empty when the building has neither places nor asset cards. */
  Optional<String> html(String building) {
    List<Label> labels = labels(building);
    if (labels.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder page = new StringBuilder(4096 + labels.size() * 16_000);
    String title = escape(building) + " · 扫码报修二维码";
    page.append("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 12mm; color: #111; }
        h1 { font-size: 20pt; margin: 0 0 4mm; }
        .hint { font-size: 11pt; margin: 0 0 6mm; color: #444; }
        .labels { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0; }
        .label { border: 1px dashed #999; padding: 4mm; text-align: center; break-inside: avoid; page-break-inside: avoid; }
        .label img { width: 45mm; height: 45mm; image-rendering: pixelated; }
        .label .call { font-size: 14pt; font-weight: bold; margin: 1mm 0; }
        .label .title { font-size: 12pt; margin: 1mm 0; }
        .label .subtitle { font-size: 9pt; color: #555; }
        @media print { body { margin: 8mm; } .hint { display: none; } }
        @page { size: A4; margin: 0; }
        </style></head><body>
        <h1>%s</h1>
        <p class="hint">共 %d 张。用浏览器打印（A4，缩放 100%%），沿虚线剪下，贴在房间门旁或设备上。</p>
        <div class="labels">
        """.formatted(title, title, labels.size()));
    for (Label label : labels) {
      page.append("<div class=\"label\"><img alt=\"二维码\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(codes.png(label.url()))).append("\">")
          .append("<div class=\"call\">扫码报修</div>")
          .append("<div class=\"title\">").append(escape(label.title())).append("</div>")
          .append("<div class=\"subtitle\">").append(escape(label.subtitle())).append("</div></div>\n");
    }
    page.append("</div></body></html>\n");
    return Optional.of(page.toString());
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
