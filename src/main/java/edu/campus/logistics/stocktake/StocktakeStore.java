package edu.campus.logistics.stocktake;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stocktake's own tables (V10__stocktake.sql): the case header, what the counters entered and the
 * report as approved. Runs in the caller's transaction (the engine's), so counts and report commit or
 * roll back with the step that writes them.
 */
@Repository
public class StocktakeStore {

  public static final String COUNTING = "COUNTING";
  public static final String APPROVING = "APPROVING";
  public static final String APPROVED = "APPROVED";
  public static final String POSTED = "POSTED";
  public static final String REJECTED = "REJECTED";

  /** The case header as the report shows it. */
  public record Header(String businessKey, String processInstanceId, String scopeType, String scopeValue,
                       String scopeLabel, String status, String startedBy, Instant startedAt, String approvedBy,
                       Instant approvedAt, String approvalComment, Instant postedAt) {
  }

  /** What a counter entered for one item or one asset of a sheet. */
  public record Count(int sheetNo, String itemCode, BigDecimal countedQuantity, long ledgerMark, String assetTag,
                      String finding, String foundLocation, String countedBy, Instant countedAt) {
  }

  private final JdbcTemplate jdbc;

  public StocktakeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void open(String businessKey, String processInstanceId, String scopeType, String scopeValue, String scopeLabel,
            String startedBy, Instant at) {
    jdbc.update("""
        insert into stocktake (business_key, process_instance_id, scope_type, scope_value, scope_label, status,
          started_by, started_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        businessKey, processInstanceId, scopeType, scopeValue, scopeLabel, COUNTING, startedBy, Timestamp.from(at));
  }

  void status(String processInstanceId, String status) {
    jdbc.update("update stocktake set status = ? where process_instance_id = ?", status, processInstanceId);
  }

  /** Who decided on the differences, when, and why; the status becomes {@code status}. */
  void decided(String processInstanceId, String status, String decidedBy, String comment, Instant at) {
    jdbc.update("update stocktake set status = ?, approved_by = ?, approval_comment = ?, approved_at = ? where process_instance_id = ?",
        status, decidedBy, comment, Timestamp.from(at), processInstanceId);
  }

  void closed(String processInstanceId, String status, Instant at) {
    jdbc.update("update stocktake set status = ?, posted_at = ? where process_instance_id = ?",
        status, Timestamp.from(at), processInstanceId);
  }

  /** Replaces what was entered for one sheet (a count is entered once per sheet; a repeated command writes it again). */
  void replaceSheet(String processInstanceId, int sheetNo, List<Count> counts) {
    jdbc.update("delete from stocktake_count where process_instance_id = ? and sheet_no = ?", processInstanceId, sheetNo);
    List<Object[]> rows = new ArrayList<>();
    for (Count count : counts) {
      rows.add(new Object[] {processInstanceId, sheetNo, count.itemCode(), count.countedQuantity(),
          count.itemCode() == null ? null : count.ledgerMark(), count.assetTag(), count.finding(), count.foundLocation(),
          count.countedBy(), Timestamp.from(count.countedAt())});
    }
    jdbc.batchUpdate("""
        insert into stocktake_count (process_instance_id, sheet_no, item_code, counted_quantity, ledger_mark, asset_tag,
          finding, found_location, counted_by, counted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
  }

  public List<Count> counts(String processInstanceId) {
    return jdbc.query("""
        select sheet_no, item_code, counted_quantity, ledger_mark, asset_tag, finding, found_location, counted_by, counted_at
        from stocktake_count where process_instance_id = ? order by sheet_no, id""",
        (rs, n) -> new Count(rs.getInt("sheet_no"), rs.getString("item_code"), rs.getBigDecimal("counted_quantity"),
            rs.getLong("ledger_mark"), rs.getString("asset_tag"), rs.getString("finding"), rs.getString("found_location"),
            rs.getString("counted_by"), rs.getTimestamp("counted_at").toInstant()), processInstanceId);
  }

  /** Who counted any sheet of the stocktake. */
  public List<String> counters(String processInstanceId) {
    return jdbc.queryForList("select distinct counted_by from stocktake_count where process_instance_id = ? order by counted_by",
        String.class, processInstanceId);
  }

  void writeReport(String businessKey, List<DifferenceLine> items, List<AssetResult> assets) {
    jdbc.update("delete from stocktake_report_line where business_key = ?", businessKey);
    List<Object[]> rows = new ArrayList<>();
    int lineNo = 1;
    for (DifferenceLine line : items) {
      rows.add(new Object[] {businessKey, lineNo++, line.itemCode(), null, line.name(), line.unit(), line.bookQuantity(),
          line.movedSinceCount(), line.countedQuantity(), line.difference(), line.unitCost(), line.differenceValue(),
          null, null, null, line.countedBy()});
    }
    for (AssetResult asset : assets) {
      rows.add(new Object[] {businessKey, lineNo++, null, asset.assetTag(), asset.name(), null, null, null, null, null,
          null, asset.finding().equals(AssetFinding.MISSING) ? asset.cost().negate() : null, asset.bookLocation(),
          asset.finding(), asset.foundLocation(), asset.countedBy()});
    }
    jdbc.batchUpdate("""
        insert into stocktake_report_line (business_key, line_no, item_code, asset_tag, name, unit, book_quantity,
          moved_since_count, counted_quantity, difference, unit_cost, difference_value, book_location, finding,
          found_location, counted_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
  }

  public Optional<Header> header(String businessKey) {
    return jdbc.query("select * from stocktake where business_key = ?", (rs, n) -> new Header(rs.getString("business_key"),
        rs.getString("process_instance_id"), rs.getString("scope_type"), rs.getString("scope_value"),
        rs.getString("scope_label"), rs.getString("status"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
        rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")), rs.getString("approval_comment"),
        instant(rs.getTimestamp("posted_at"))), businessKey).stream().findFirst();
  }

  public List<DifferenceLine> reportItems(String businessKey) {
    return jdbc.query("""
        select * from stocktake_report_line where business_key = ? and item_code is not null order by line_no""",
        (rs, n) -> new DifferenceLine(rs.getString("item_code"), rs.getString("name"), rs.getString("unit"),
            rs.getBigDecimal("book_quantity"), rs.getBigDecimal("counted_quantity"), rs.getBigDecimal("moved_since_count"),
            rs.getBigDecimal("difference"), rs.getBigDecimal("unit_cost"), rs.getBigDecimal("difference_value"),
            rs.getString("counted_by")), businessKey);
  }

  public List<AssetResult> reportAssets(String businessKey) {
    return jdbc.query("""
        select * from stocktake_report_line where business_key = ? and asset_tag is not null order by line_no""",
        (rs, n) -> new AssetResult(rs.getString("asset_tag"), rs.getString("name"), rs.getString("book_location"), null,
            rs.getString("finding"), AssetFinding.LABELS.get(rs.getString("finding")), rs.getString("found_location"),
            rs.getBigDecimal("difference_value") == null ? null : rs.getBigDecimal("difference_value").negate(),
            rs.getString("counted_by")), businessKey);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
