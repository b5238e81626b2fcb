package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the ledger counts as a fixed asset 固定资产: a line whose unit price is at or above
 * {@code campus.ledger.fixed-asset-threshold} (CNY). Such lines get one asset card per unit, so
 * their quantities are whole numbers. Every caller asks here; nobody reads the threshold itself.
 *
 * @param fixedAssetThreshold unit price (CNY) from which a line is a fixed asset
 */
@ConfigurationProperties("campus.ledger")
public record FixedAssets(BigDecimal fixedAssetThreshold) {

  public FixedAssets {
    if (fixedAssetThreshold == null || fixedAssetThreshold.signum() <= 0) {
      throw new IllegalArgumentException("campus.ledger.fixed-asset-threshold must be a positive amount");
    }
  }

  /** Whether a line at this unit price is a fixed asset. */
  public boolean isFixedAsset(BigDecimal unitPrice) {
    return unitPrice != null && unitPrice.compareTo(fixedAssetThreshold) >= 0;
  }

  /** The threshold as people read it in a refusal, e.g. {@code 1000}. */
  public String threshold() {
    return fixedAssetThreshold.toPlainString();
  }
}
