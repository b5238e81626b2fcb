package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the ledger for the KPIs (edu.campus.logistics.metrics): aggregates computed by the
 * database in one query each, never row by row. Writes nothing.
 */
@Service
@Transactional(readOnly = true)
public class LedgerFigures {

  /** An item whose balance is below its reorder level. */
  public record ItemBelowReorder(String code, String name, String unit, String category, BigDecimal quantity,
                                 BigDecimal reorderLevel) {
  }

  /** A sum over a group: count of rows, quantity and amount (CNY). */
  public record Total(String key, long count, BigDecimal quantity, BigDecimal amount) {
  }

  /** Entries of one item posted for one process instance (voucher), summed. */
  public record CaseItemTotal(String processInstanceId, String itemCode, String itemName, String unit,
                              String category, long entries, BigDecimal quantity, BigDecimal amount) {
  }

  private final JdbcTemplate jdbc;

  public LedgerFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<ItemBelowReorder> itemsBelowReorderLevel() {
    return jdbc.query("select i.code, i.name, i.unit, i.category, coalesce(b.quantity, 0), i.reorder_level"
            + " from ledger_item i left join ledger_balance b on b.item_code = i.code"
            + " where i.reorder_level > 0 and coalesce(b.quantity, 0) < i.reorder_level order by i.category, i.code",
        (rs, n) -> new ItemBelowReorder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6)));
  }

  /** Stock value (moving average) per item category. */
  public List<Total> stockValueByCategory() {
    return jdbc.query("select i.category, count(*), sum(b.quantity), sum(b.stock_value)"
            + " from ledger_balance b join ledger_item i on i.code = b.item_code group by i.category order by i.category",
        (rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
  }

  /** Outflows (issues and repair use) per item posted in [start, end): what the school consumes; quantities positive. */
  public List<Total> consumptionByItem(Instant start, Instant end) {
    return jdbc.query("select e.item_code, count(*), -sum(e.quantity), -sum(e.amount) from ledger_entry e"
            + " where e.entry_type in ('ISSUE', 'REPAIR_USE') and e.posted_at >= ? and e.posted_at < ?"
            + " group by e.item_code order by e.item_code",
        (rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
        Timestamp.from(start), Timestamp.from(end));
  }

  /**
   * Entries of one type posted from {@code since} on, summed per process instance and item
   * (quantities as posted: negative for outflows). The caller picks the instances it reports on.
   */
  public List<CaseItemTotal> entriesByCaseAndItem(EntryType type, Instant since) {
    return jdbc.query("select e.process_instance_id, e.item_code, i.name, i.unit, i.category, count(*),"
            + " sum(e.quantity), sum(e.amount) from ledger_entry e join ledger_item i on i.code = e.item_code"
            + " where e.entry_type = ? and e.posted_at >= ? and e.process_instance_id is not null"
            + " group by e.process_instance_id, e.item_code, i.name, i.unit, i.category",
        (rs, n) -> new CaseItemTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8)),
        type.name(), Timestamp.from(since));
  }

  /** Number of entries per entry type, all time. */
  public List<Total> postingsByType() {
    return jdbc.query("select entry_type, count(*), sum(quantity), sum(amount) from ledger_entry group by entry_type",
        (rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
  }

  /** Asset cards and their cost per location (key) — not retired. */
  public List<Total> assetsByLocation() {
    return assetsBy("location");
  }

  /** Asset cards and their cost per custodian (key) — not retired. */
  public List<Total> assetsByCustodian() {
    return assetsBy("custodian");
  }

  /** Asset cards and their cost per status. */
  public List<Total> assetsByStatus() {
    return jdbc.query("select status, count(*), count(*), sum(cost) from asset group by status order by status",
        (rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
  }

  /** Asset events per type recorded in [start, end). */
  public List<Total> assetEventsByType(Instant start, Instant end) {
    return jdbc.query("select event_type, count(*), count(*), 0 from asset_event"
            + " where occurred_at >= ? and occurred_at < ? group by event_type order by event_type",
        (rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
        Timestamp.from(start), Timestamp.from(end));
  }

  private List<Total> assetsBy(String column) {
    // column is one of two constants above, never user input
    return jdbc.query("select " + column + ", count(*), count(*), sum(cost) from asset where status <> 'RETIRED'"
            + " group by " + column + " order by " + column,
        (rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
  }
}
