package edu.campus.logistics.stocktake;

import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AuditedAsset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Asset audits (资产清查): every card's next audit is its last audit in a stocktake (or its acquisition)
 * plus the interval of its item category ({@link StocktakeSettings#auditInterval}); a card whose day
 * has come is overdue, is listed, and is counted in the next stocktake.
 */
@Component
public class AssetAudits {

  /** A card with its next audit date. */
  public record AuditDue(String tag, String name, String category, String location, String custodian, String status,
                         LocalDate lastAuditedOn, LocalDate nextAuditOn, boolean overdue) {
  }

  private final AssetRegister assets;
  private final StocktakeSettings settings;
  private final ZoneId zone;

  public AssetAudits(AssetRegister assets, StocktakeSettings settings, @Value("${campus.time-zone}") ZoneId zone) {
    this.assets = assets;
    this.settings = settings;
    this.zone = zone;
  }

  /** Today in the school's time zone, on the engine's clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  public LocalDate nextAuditOn(AuditedAsset asset) {
    return asset.auditedOrAcquiredOn().plus(settings.auditInterval(asset.category()));
  }

  public boolean overdue(AuditedAsset asset) {
    return !nextAuditOn(asset).isAfter(today());
  }

  /** Every card that is not retired, with its next audit date, soonest first. */
  public List<AuditDue> all() {
    return assets.audited().stream().map(this::due)
        .sorted(java.util.Comparator.comparing(AuditDue::nextAuditOn).thenComparing(AuditDue::tag)).toList();
  }

  /** The cards whose audit is due today or was due before. */
  public List<AuditDue> overdueCards() {
    return all().stream().filter(AuditDue::overdue).toList();
  }

  private AuditDue due(AuditedAsset asset) {
    return new AuditDue(asset.tag(), asset.name(), asset.category(), asset.location(), asset.custodian(),
        asset.status().name(), asset.lastAuditedOn(), nextAuditOn(asset), overdue(asset));
  }
}
