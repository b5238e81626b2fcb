package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an item's stock stands for a count (盘点): its balance and the last entry posted, and what
 * moved after a given entry. Reads only; postings go through {@link LedgerService}.
 */
@Service
@Transactional(readOnly = true)
public class StockPositions {

  /** An item's balance and the id of its last entry (0 when it has none). */
  public record Position(String itemCode, BigDecimal quantity, BigDecimal averageCost, long lastEntryId) {
  }

  private final JdbcTemplate jdbc;

  public StockPositions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The positions of these items, in the given order; an unknown code is an {@link UnknownItemException}. */
  public Map<String, Position> of(Collection<String> itemCodes) {
    Map<String, Position> positions = new LinkedHashMap<>();
    for (String code : itemCodes) {
      Position position = jdbc.query("""
              select b.item_code, b.quantity, b.average_cost,
                     (select coalesce(max(e.id), 0) from ledger_entry e where e.item_code = b.item_code) as last_entry
              from ledger_balance b where b.item_code = ?""",
          (rs, n) -> new Position(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)), code)
          .stream().findFirst().orElseThrow(() -> new UnknownItemException("item code", code));
      positions.put(code, position);
    }
    return positions;
  }

  /** The signed sum of the item's entries posted after entry {@code afterEntryId} (what moved since a count). */
  public BigDecimal movedSince(String itemCode, long afterEntryId) {
    return jdbc.queryForObject("select coalesce(sum(quantity), 0) from ledger_entry where item_code = ? and id > ?",
        BigDecimal.class, itemCode, afterEntryId);
  }
}
