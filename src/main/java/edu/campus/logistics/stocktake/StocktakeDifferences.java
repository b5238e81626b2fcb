package edu.campus.logistics.stocktake;

import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.StockPositions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The differences (盘盈/盘亏) of a stocktake against the ledger as it stands now: for each counted item,
 * what the ledger moved after the count is added to the counted quantity (goods issued after the count
 * left the shelf after it was counted), so difference = counted + moved since the count − book now;
 * valued at the moving-average cost. Assets: the finding of each card, and the cost of the missing ones.
 */
@Component
public class StocktakeDifferences {

  /** The differences, their value for the approval rule, and what moved since the count. */
  public record Result(List<DifferenceLine> items, List<AssetResult> assets, BigDecimal value, List<String> movements) {

    /** Whether the item lines say the same as earlier ones (book, moved and difference per item). */
    boolean sameItemsAs(List<DifferenceLine> earlier) {
      if (earlier.size() != items.size()) {
        return false;
      }
      for (int i = 0; i < items.size(); i++) {
        DifferenceLine now = items.get(i);
        DifferenceLine then = earlier.get(i);
        if (!Objects.equals(now.itemCode(), then.itemCode()) || now.bookQuantity().compareTo(then.bookQuantity()) != 0
            || now.difference().compareTo(then.difference()) != 0) {
          return false;
        }
      }
      return true;
    }
  }

  private final StocktakeStore store;
  private final StockPositions positions;
  private final LedgerService ledger;
  private final AssetRegister assets;

  public StocktakeDifferences(StocktakeStore store, StockPositions positions, LedgerService ledger, AssetRegister assets) {
    this.store = store;
    this.positions = positions;
    this.ledger = ledger;
    this.assets = assets;
  }

  public Result compute(String processInstanceId) {
    List<StocktakeStore.Count> counts = store.counts(processInstanceId);
    List<StocktakeStore.Count> itemCounts = counts.stream().filter(count -> count.itemCode() != null).toList();
    Map<String, StockPositions.Position> now = positions.of(itemCounts.stream().map(StocktakeStore.Count::itemCode).toList());
    List<DifferenceLine> items = new ArrayList<>();
    List<String> movements = new ArrayList<>();
    BigDecimal value = BigDecimal.ZERO;
    for (StocktakeStore.Count count : itemCounts) {
      Item item = ledger.findItem(count.itemCode()).orElseThrow();
      StockPositions.Position position = now.get(count.itemCode());
      BigDecimal moved = positions.movedSince(count.itemCode(), count.ledgerMark());
      BigDecimal difference = count.countedQuantity().add(moved).subtract(position.quantity());
      BigDecimal cost = position.averageCost();
      BigDecimal amount = difference.multiply(cost).setScale(2, RoundingMode.HALF_UP);
      value = value.add(amount.abs());
      if (moved.signum() != 0) {
        movements.add(item.name() + " " + signed(moved) + " " + item.unit());
      }
      items.add(new DifferenceLine(item.code(), item.name(), item.unit(), plain(position.quantity()),
          plain(count.countedQuantity()), plain(moved), plain(difference), cost, amount, count.countedBy()));
    }
    List<AssetResult> found = new ArrayList<>();
    for (StocktakeStore.Count count : counts) {
      if (count.assetTag() == null) {
        continue;
      }
      Asset card = assets.find(count.assetTag()).orElseThrow();
      if (AssetFinding.MISSING.equals(count.finding())) {
        value = value.add(card.cost());
      }
      found.add(new AssetResult(card.tag(), card.name(), card.location(), card.custodian(), count.finding(),
          AssetFinding.LABELS.get(count.finding()), count.foundLocation(), card.cost(), count.countedBy()));
    }
    return new Result(List.copyOf(items), List.copyOf(found), value, List.copyOf(movements));
  }

  private static BigDecimal plain(BigDecimal quantity) {
    BigDecimal stripped = quantity.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String signed(BigDecimal quantity) {
    return (quantity.signum() > 0 ? "+" : "") + plain(quantity).toPlainString();
  }
}
