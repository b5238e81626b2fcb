package edu.campus.logistics.scan;

import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AssetStatus;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Resolves a scanned code to what the report is about: a place from the register of places, or an
 * asset card from the asset register (not retired). A code that names neither is refused — a forged
 * or stale sticker never pre-fills a report.
 */
@Service
public class ReportTargets {

  /** The repair start form's asset tag pattern. */
  static final Pattern ASSET_TAG = Pattern.compile("ZC\\d{4}-\\d{6}");
  /** The repair start form's {@code location} holds at most 100 characters. */
  static final int MAX_LOCATION = 100;

  private final Places places;
  private final AssetRegister assets;

  ReportTargets(Places places, AssetRegister assets) {
    this.places = places;
    this.assets = assets;
  }

  public ReportTarget place(String code) {
    Place place = places.find(code).orElseThrow(() -> new ScanRefusal(
        "地点编码 %s 不在报修地点登记中，二维码可能已失效，请直接说明地点 / unknown place code: %s".formatted(shown(code), shown(code))));
    return new ReportTarget(place.code(), null, place.location(), place.location());
  }

  public ReportTarget asset(String tag) {
    Optional<Asset> card = tag != null && ASSET_TAG.matcher(tag).matches() ? assets.find(tag) : Optional.empty();
    Asset asset = card.filter(found -> found.status() != AssetStatus.RETIRED).orElseThrow(() -> new ScanRefusal(
        "资产编号 %s 在资产台账中不存在或已报废，二维码可能已失效 / unknown or retired asset tag: %s".formatted(shown(tag), shown(tag))));
    String location = asset.location().length() > MAX_LOCATION ? asset.location().substring(0, MAX_LOCATION) : asset.location();
    return new ReportTarget(null, asset.tag(), location, asset.name() + " " + asset.tag() + "（" + asset.location() + "）");
  }

  /** A caller's code as quoted in a refusal: at most 40 characters, no markup or control characters. */
  private static String shown(String code) {
    if (code == null || code.isBlank()) {
      return "（空）";
    }
    String plain = code.replaceAll("[^\\p{L}\\p{N}\\-_. ]", "?");
    return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
  }
}
