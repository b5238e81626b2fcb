package edu.campus.logistics.ledger;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset register: one card per fixed asset and its event history. Like the stock ledger it is
 * written only here, idempotent by voucher, and runs in the caller's (the engine's) transaction.
 */
@Service
@Transactional(noRollbackFor = LedgerException.class)
public class AssetRegister {

  static final int MAX_CARDS_PER_LINE = 500;

  private final JdbcTemplate jdbc;
  private final LedgerClock clock;

  public AssetRegister(JdbcTemplate jdbc, LedgerClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Creates the cards for one received line, with tag numbers {@code ZC<year>-<6 digits>}. Posting
   * the same voucher line again returns the cards created the first time.
   */
  public List<Asset> register(Voucher voucher, NewAssets assets) {
    if (assets.count() < 1 || assets.count() > MAX_CARDS_PER_LINE) {
      throw new InvalidPostingException("asset count must be 1.." + MAX_CARDS_PER_LINE);
    }
    require(assets.location(), "location");
    require(assets.custodian(), "custodian");
    String name = jdbc.query("select name from ledger_item where code = ?", (rs, n) -> rs.getString(1), assets.itemCode())
        .stream().findFirst().orElseThrow(() -> new UnknownItemException("item code", assets.itemCode()));
    String spec = jdbc.queryForObject("select spec from ledger_item where code = ?", String.class, assets.itemCode());
    List<Asset> cards = new ArrayList<>();
    Timestamp now = now();
    for (int seq = 1; seq <= assets.count(); seq++) {
      Optional<Asset> existing = jdbc.query(ASSET_SELECT + " where source_voucher = ? and source_line_no = ? and source_seq = ?",
          ASSET, voucher.key(), assets.lineNo(), seq).stream().findFirst();
      if (existing.isPresent()) {
        cards.add(existing.get());
        continue;
      }
      String provisionalTag = "NEW-" + Long.toString(System.nanoTime(), 36) + "-" + seq;
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      int sequence = seq;
      jdbc.update(connection -> {
        PreparedStatement statement = connection.prepareStatement("""
            insert into asset (tag, item_code, name, spec, location, custodian, status, cost, acquired_on,
              source_voucher, source_line_no, source_seq, created_at)
            values (?, ?, ?, ?, ?, ?, 'IN_USE', ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
        statement.setString(1, provisionalTag);
        statement.setString(2, assets.itemCode());
        statement.setString(3, name);
        statement.setString(4, spec);
        statement.setString(5, assets.location());
        statement.setString(6, assets.custodian());
        statement.setBigDecimal(7, assets.unitCost());
        statement.setObject(8, assets.acquiredOn());
        statement.setString(9, voucher.key());
        statement.setInt(10, assets.lineNo());
        statement.setInt(11, sequence);
        statement.setTimestamp(12, now);
        return statement;
      }, key);
      String tag = String.format("ZC%d-%06d", assets.acquiredOn().getYear(), key.getKey().longValue());
      jdbc.update("update asset set tag = ? where tag = ?", tag, provisionalTag);
      insertEvent(voucher, tag, AssetEventType.REGISTERED, "入库建卡 / registered from " + voucher.key(),
          assets.location(), assets.custodian(), now);
      cards.add(find(tag).orElseThrow());
    }
    return cards;
  }

  /**
   * Records what happened to an asset (moved, damaged, repaired, retired) and moves its status,
   * location and custodian accordingly. The same voucher twice records one event.
   *
   * @param location new location for MOVED, otherwise null
   * @param custodian new custodian for MOVED, otherwise null
   */
  public AssetEvent recordEvent(Voucher voucher, String tag, AssetEventType type, String details,
                                String location, String custodian) {
    Asset asset = jdbc.query(ASSET_SELECT + " where tag = ? for update", ASSET, tag).stream().findFirst()
        .orElseThrow(() -> new UnknownItemException("asset tag", tag));
    if (type == AssetEventType.REGISTERED) {
      throw new InvalidPostingException("assets are registered through register(), not as an event");
    }
    Optional<AssetEvent> earlier = jdbc.query(EVENT_SELECT + " where asset_tag = ? and voucher_key = ?", EVENT, tag, voucher.key())
        .stream().findFirst();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (asset.status() == AssetStatus.RETIRED) {
      throw new InvalidPostingException("asset " + tag + " is retired");
    }
    if (type == AssetEventType.MOVED && isBlank(location) && isBlank(custodian)) {
      throw new InvalidPostingException("a move needs a new location or custodian");
    }
    if (details != null && details.length() > 1000) {
      throw new InvalidPostingException("details are at most 1000 characters");
    }
    String newLocation = isBlank(location) ? asset.location() : location;
    String newCustodian = isBlank(custodian) ? asset.custodian() : custodian;
    AssetStatus newStatus = type.resultingStatus() == null ? asset.status() : type.resultingStatus();
    jdbc.update("update asset set location = ?, custodian = ?, status = ? where tag = ?",
        newLocation, newCustodian, newStatus.name(), tag);
    insertEvent(voucher, tag, type, details, newLocation, newCustodian, now());
    return jdbc.query(EVENT_SELECT + " where asset_tag = ? and voucher_key = ?", EVENT, tag, voucher.key()).get(0);
  }

  /**
   * A stocktake looked at the asset on {@code auditedOn}: its card records the audit (an AUDITED event)
   * and the day, from which its next audit is due. The same voucher twice records one audit.
   */
  public AssetEvent recordAudit(Voucher voucher, String tag, LocalDate auditedOn, String details) {
    Asset asset = jdbc.query(ASSET_SELECT + " where tag = ? for update", ASSET, tag).stream().findFirst()
        .orElseThrow(() -> new UnknownItemException("asset tag", tag));
    Optional<AssetEvent> earlier = jdbc.query(EVENT_SELECT + " where asset_tag = ? and voucher_key = ?", EVENT, tag, voucher.key())
        .stream().findFirst();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (auditedOn == null) {
      throw new InvalidPostingException("an audit needs its date");
    }
    if (details != null && details.length() > 1000) {
      throw new InvalidPostingException("details are at most 1000 characters");
    }
    jdbc.update("update asset set last_audited_on = ? where tag = ?", auditedOn, tag);
    insertEvent(voucher, tag, AssetEventType.AUDITED, details, asset.location(), asset.custodian(), now());
    return jdbc.query(EVENT_SELECT + " where asset_tag = ? and voucher_key = ?", EVENT, tag, voucher.key()).get(0);
  }

  private void insertEvent(Voucher voucher, String tag, AssetEventType type, String details, String location,
                           String custodian, Timestamp at) {
    jdbc.update("""
        insert into asset_event (asset_tag, event_type, voucher_key, details, location, custodian,
          process_instance_id, business_key, activity_id, actor, occurred_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tag, type.name(), voucher.key(), details, location, custodian,
        voucher.processInstanceId(), voucher.businessKey(), voucher.activityId(), voucher.actor(), at);
  }

  // ---------------------------------------------------------------- reading

  @Transactional(readOnly = true)
  public Optional<Asset> find(String tag) {
    return jdbc.query(ASSET_SELECT + " where tag = ?", ASSET, tag).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public boolean exists(String tag) {
    return tag != null && find(tag.trim()).isPresent();
  }

  /** Cards filtered by location and/or custodian (exact match; null means any). */
  @Transactional(readOnly = true)
  public List<Asset> search(String location, String custodian) {
    return jdbc.query(ASSET_SELECT + " where (cast(? as varchar(200)) is null or location = ?)"
            + " and (cast(? as varchar(128)) is null or custodian = ?) order by tag",
        ASSET, location, location, custodian, custodian);
  }

  /** Every card that is not retired, with its item's category and last audit, in tag order. */
  @Transactional(readOnly = true)
  public List<AuditedAsset> audited() {
    return jdbc.query("""
        select a.tag, a.item_code, i.category, a.name, a.location, a.custodian, a.status, a.cost, a.acquired_on,
               a.last_audited_on
        from asset a join ledger_item i on i.code = a.item_code where a.status <> 'RETIRED' order by a.tag""",
        (rs, n) -> new AuditedAsset(rs.getString("tag"), rs.getString("item_code"), rs.getString("category"),
            rs.getString("name"), rs.getString("location"), rs.getString("custodian"),
            AssetStatus.valueOf(rs.getString("status")), rs.getBigDecimal("cost"),
            rs.getObject("acquired_on", LocalDate.class), rs.getObject("last_audited_on", LocalDate.class)));
  }

  @Transactional(readOnly = true)
  public List<Asset> createdBy(String voucherKey) {
    return jdbc.query(ASSET_SELECT + " where source_voucher = ? order by source_line_no, source_seq", ASSET, voucherKey);
  }

  @Transactional(readOnly = true)
  public List<AssetEvent> history(String tag) {
    return jdbc.query(EVENT_SELECT + " where asset_tag = ? order by id", EVENT, tag);
  }

  private static void require(String value, String what) {
    if (isBlank(value) || value.length() > 200) {
      throw new InvalidPostingException(what + " must be 1..200 characters");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private Timestamp now() {
    return Timestamp.from(clock.now());
  }

  private static final String ASSET_SELECT = """
      select tag, item_code, name, spec, location, custodian, status, cost, acquired_on, source_voucher from asset""";

  private static final RowMapper<Asset> ASSET = (rs, n) -> new Asset(rs.getString("tag"), rs.getString("item_code"),
      rs.getString("name"), rs.getString("spec"), rs.getString("location"), rs.getString("custodian"),
      AssetStatus.valueOf(rs.getString("status")), rs.getBigDecimal("cost"),
      rs.getObject("acquired_on", java.time.LocalDate.class), rs.getString("source_voucher"));

  private static final String EVENT_SELECT = """
      select id, asset_tag, event_type, details, location, custodian, voucher_key, process_instance_id, business_key,
             activity_id, actor, occurred_at from asset_event""";

  private static final RowMapper<AssetEvent> EVENT = (rs, n) -> new AssetEvent(rs.getLong("id"),
      rs.getString("asset_tag"), AssetEventType.valueOf(rs.getString("event_type")), rs.getString("details"),
      rs.getString("location"), rs.getString("custodian"), rs.getString("voucher_key"),
      rs.getString("process_instance_id"), rs.getString("business_key"), rs.getString("activity_id"),
      rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant());
}
