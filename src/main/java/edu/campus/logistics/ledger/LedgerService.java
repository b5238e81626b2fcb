package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock ledger: the only code that writes {@code ledger_*} tables.
 *
 * <p>Invariants kept here and nowhere else:
 * <ul>
 *   <li>append-only entries, each with its voucher, actor, time and balance after;</li>
 *   <li>idempotent by voucher key: a second posting of a voucher writes nothing and returns the first;</li>
 *   <li>never negative: an outflow beyond the balance is refused before anything is written;</li>
 *   <li>serialized per item: every posting locks the items' balance rows, in code order;</li>
 *   <li>moving-average valuation.</li>
 * </ul>
 * Runs in the caller's transaction when there is one (a delegate: the engine's), so ledger and
 * process state commit or roll back together.
 */
@Service
@Transactional(noRollbackFor = LedgerException.class)
public class LedgerService {

  /** Lines one voucher may hold; a caller with more posts several vouchers in the same transaction. */
  public static final int MAX_LINES = 200;
  static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
  static final BigDecimal MAX_UNIT_COST = new BigDecimal("10000000");
  private static final int QUANTITY_SCALE = 3;
  private static final int COST_SCALE = 4;
  private static final int MONEY_SCALE = 2;
  private static final int ENTRY_PAGE = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final LedgerClock clock;

  public LedgerService(JdbcTemplate jdbc, PlatformTransactionManager transactions, LedgerClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  // ---------------------------------------------------------------- postings

  /** Goods in at their purchase price (入库). */
  public Posting receive(Voucher voucher, List<StockLine> lines) {
    return post(voucher, EntryType.RECEIPT, lines);
  }

  /** Goods out to a requester (领用), at moving-average cost. */
  public Posting issue(Voucher voucher, List<StockLine> lines) {
    return post(voucher, EntryType.ISSUE, lines);
  }

  /** Parts used by a repair (维修领料), at moving-average cost. */
  public Posting useForRepair(Voucher voucher, List<StockLine> lines) {
    return post(voucher, EntryType.REPAIR_USE, lines);
  }

  /** Stocktake differences (盘盈/盘亏): signed quantities; gains at the given or the average cost. */
  public Posting adjust(Voucher voucher, List<StockLine> lines) {
    return post(voucher, EntryType.ADJUSTMENT, lines);
  }

  private Posting post(Voucher voucher, EntryType type, List<StockLine> lines) {
    validate(type, lines);
    Map<String, Balance> balances = lockBalances(lines);
    List<LedgerEntry> earlier = entriesOfVoucher(voucher.key());
    if (!earlier.isEmpty()) {
      return new Posting(voucher.key(), earlier, true);
    }
    Timestamp now = Timestamp.from(clock.now());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      StockLine line = lines.get(i);
      Balance before = balances.get(line.itemCode());
      Movement movement = movement(type, line, before);
      Balance after = before.apply(movement);
      balances.put(line.itemCode(), after);
      rows.add(new Object[] {voucher.key(), i + 1, line.itemCode(), type.name(), movement.quantity,
          movement.unitCost, movement.amount, after.quantity, after.value, voucher.processInstanceId(),
          voucher.businessKey(), voucher.activityId(), voucher.actor(), now});
    }
    jdbc.batchUpdate("""
        insert into ledger_entry (voucher_key, line_no, item_code, entry_type, quantity, unit_cost, amount,
          balance_after, value_after, process_instance_id, business_key, activity_id, actor, posted_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    for (Balance balance : balances.values()) {
      jdbc.update("""
          update ledger_balance set quantity = ?, stock_value = ?, average_cost = ?, entry_count = ?, updated_at = ?
          where item_code = ?""",
          balance.quantity, balance.value, balance.averageCost, balance.entryCount, now, balance.itemCode);
    }
    return new Posting(voucher.key(), entriesOfVoucher(voucher.key()), false);
  }

  private static void validate(EntryType type, List<StockLine> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new InvalidPostingException("a voucher needs at least one line");
    }
    if (lines.size() > MAX_LINES) {
      throw new InvalidPostingException("a voucher has at most " + MAX_LINES + " lines");
    }
    for (StockLine line : lines) {
      if (line == null || line.itemCode() == null || line.itemCode().isBlank()) {
        throw new InvalidPostingException("every line needs an item code");
      }
      BigDecimal quantity = line.quantity();
      if (quantity == null || quantity.signum() == 0 || quantity.abs().compareTo(MAX_QUANTITY) > 0) {
        throw new InvalidPostingException("quantity of " + line.itemCode() + " must be non-zero and at most " + MAX_QUANTITY);
      }
      if (quantity.scale() > QUANTITY_SCALE && quantity.stripTrailingZeros().scale() > QUANTITY_SCALE) {
        throw new InvalidPostingException("quantity of " + line.itemCode() + " has more than " + QUANTITY_SCALE + " decimals");
      }
      if (type != EntryType.ADJUSTMENT && quantity.signum() < 0) {
        throw new InvalidPostingException("quantity of " + line.itemCode() + " must be positive for " + type);
      }
      if (type == EntryType.RECEIPT && line.unitCost() == null) {
        throw new InvalidPostingException("a receipt line needs a unit cost: " + line.itemCode());
      }
      if (line.unitCost() != null && (line.unitCost().signum() < 0 || line.unitCost().compareTo(MAX_UNIT_COST) > 0)) {
        throw new InvalidPostingException("unit cost of " + line.itemCode() + " must be between 0 and " + MAX_UNIT_COST);
      }
    }
  }

  /**
   * Locks the balance rows of all items of the voucher, in code order so that postings never deadlock;
   * a lock not had within the database's lock timeout is a {@link LedgerBusyException}.
   */
  private Map<String, Balance> lockBalances(List<StockLine> lines) {
    Map<String, Balance> balances = new TreeMap<>();
    for (String code : new TreeSet<>(lines.stream().map(StockLine::itemCode).toList())) {
      List<Balance> found;
      try {
        // in a savepoint: after a lock timeout PostgreSQL accepts no statement of the transaction until it
        // is rolled back to one, and the engine still has to look at the failing step's execution
        found = savepoint.execute(status -> jdbc.query("""
            select item_code, quantity, stock_value, average_cost, entry_count from ledger_balance
            where item_code = ? for update""", BALANCE, code));
      } catch (DataAccessException failure) {
        if (lockNotHad(failure)) {
          throw new LedgerBusyException(code, failure);
        }
        throw failure;
      }
      if (found.isEmpty()) {
        throw new UnknownItemException("item code", code);
      }
      balances.put(code, found.get(0));
    }
    return balances;
  }

  /**
   * A lock wait that timed out or a deadlock: H2's LOCK_TIMEOUT comes as a query timeout, PostgreSQL's
   * lock_timeout (SQL state 55P03) Spring leaves uncategorized, its deadlocks (40P01) are pessimistic.
   */
  private static boolean lockNotHad(DataAccessException failure) {
    if (failure instanceof PessimisticLockingFailureException || failure instanceof QueryTimeoutException) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private Movement movement(EntryType type, StockLine line, Balance before) {
    boolean inflow = type == EntryType.RECEIPT || (type == EntryType.ADJUSTMENT && line.quantity().signum() > 0);
    BigDecimal quantity = line.quantity().abs().setScale(QUANTITY_SCALE, RoundingMode.UNNECESSARY);
    if (inflow) {
      BigDecimal unitCost = (line.unitCost() != null ? line.unitCost() : before.averageCost)
          .setScale(COST_SCALE, RoundingMode.HALF_UP);
      BigDecimal amount = quantity.multiply(unitCost).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
      return new Movement(quantity, unitCost, amount);
    }
    if (quantity.compareTo(before.quantity) > 0) {
      throw new InsufficientStockException(line.itemCode(), itemName(line.itemCode()), before.quantity, quantity);
    }
    BigDecimal amount = quantity.compareTo(before.quantity) == 0
        ? before.value
        : quantity.multiply(before.averageCost).setScale(MONEY_SCALE, RoundingMode.HALF_UP).min(before.value);
    return new Movement(quantity.negate(), before.averageCost, amount.negate());
  }

  private String itemName(String code) {
    return jdbc.queryForObject("select name from ledger_item where code = ?", String.class, code);
  }

  // ---------------------------------------------------------------- catalogue

  /** Puts a new item into the catalogue with a zero balance. */
  public Item registerItem(NewItem item) {
    if (item.code() == null || !item.code().matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
      throw new InvalidPostingException("item code must be 2..32 characters of A-Z, 0-9 and '-': " + item.code());
    }
    if (item.name() == null || item.name().isBlank() || item.name().length() > 100) {
      throw new InvalidPostingException("item name must be 1..100 characters");
    }
    if (item.unit() == null || item.unit().isBlank() || item.unit().length() > 16) {
      throw new InvalidPostingException("item unit must be 1..16 characters");
    }
    if (findItem(item.code()).isPresent()) {
      throw new InvalidPostingException("item code already exists: " + item.code());
    }
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("insert into ledger_item (code, name, spec, unit, category, reorder_level, created_at) values (?, ?, ?, ?, ?, ?, ?)",
        item.code(), item.name().trim(), item.spec(), item.unit().trim(), item.category() == null ? "other" : item.category(),
        item.reorderLevel() == null ? BigDecimal.ZERO : item.reorderLevel(), now);
    jdbc.update("insert into ledger_balance (item_code, quantity, stock_value, average_cost, entry_count, updated_at) values (?, 0, 0, 0, 0, ?)",
        item.code(), now);
    return findItem(item.code()).orElseThrow();
  }

  /**
   * The catalogue item with this name and spec (trimmed, case-insensitive), created with a generated
   * code ({@code <CATEGORY>-<n>}) when there is none. Used when purchased goods are stocked. Look-ups and
   * additions are serialized by a lock row ({@code ledger_lock}), taken before any balance row is
   * locked and held to the end of the stocking's transaction, so that two transactions adding the
   * same item yield one item and neither fails.
   */
  public Item findOrRegisterItem(String name, String spec, String unit, String category) {
    String normalizedSpec = spec == null ? "" : spec.trim();
    // concurrent stockings of the same new item wait here, then find the item the first one created; the
    // lock comes first (no unlocked look-up before it): H2 may answer a repeated identical query from the
    // result it gave before the other transaction committed
    jdbc.queryForObject("select name from ledger_lock where name = 'catalogue' for update", String.class);
    Optional<Item> known = findByNameAndSpec(name, normalizedSpec);
    if (known.isPresent()) {
      return known.get();
    }
    String prefix = (category == null || category.isBlank() ? "OTHER" : category).toUpperCase().replaceAll("[^A-Z0-9]", "");
    prefix = prefix.isEmpty() ? "ITEM" : prefix.substring(0, Math.min(prefix.length(), 8));
    Integer count = jdbc.queryForObject("select count(*) from ledger_item where code like ?", Integer.class, prefix + "-%");
    String code = prefix + "-" + String.format("%04d", count + 1);
    while (findItem(code).isPresent()) {
      count++;
      code = prefix + "-" + String.format("%04d", count + 1);
    }
    return registerItem(new NewItem(code, name, normalizedSpec.isEmpty() ? null : normalizedSpec, unit, category, BigDecimal.ZERO));
  }

  /** The catalogue item with this name and spec (trimmed, case-insensitive; no spec = empty), if any. */
  @Transactional(readOnly = true)
  public Optional<Item> findItemByNameAndSpec(String name, String spec) {
    return findByNameAndSpec(name, spec == null ? "" : spec.trim());
  }

  private Optional<Item> findByNameAndSpec(String name, String normalizedSpec) {
    return jdbc.query(ITEM_SELECT + " where lower(trim(i.name)) = lower(?) and lower(coalesce(trim(i.spec), '')) = lower(?) order by i.code",
        ITEM, name == null ? "" : name.trim(), normalizedSpec).stream().findFirst();
  }

  // ---------------------------------------------------------------- reading

  @Transactional(readOnly = true)
  public List<Item> items() {
    return jdbc.query(ITEM_SELECT + " order by i.code", ITEM);
  }

  @Transactional(readOnly = true)
  public Optional<Item> findItem(String code) {
    return jdbc.query(ITEM_SELECT + " where i.code = ?", ITEM, code).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<LedgerEntry> entries(String itemCode) {
    return jdbc.query(ENTRY_SELECT + " where item_code = ? order by id", ENTRY, itemCode);
  }

  @Transactional(readOnly = true)
  public List<LedgerEntry> entriesOfVoucher(String voucherKey) {
    return jdbc.query(ENTRY_SELECT + " where voucher_key = ? order by line_no", ENTRY, voucherKey);
  }

  /**
   * Entries in posting order, optionally of one item and posted within {@code [from, to)}, handed to
   * the consumer in pages read by id, so that a ledger of any length is read in bounded memory
   * (the audit exports).
   */
  @Transactional(readOnly = true)
  public void forEachEntry(String itemCode, Instant from, Instant to, Consumer<LedgerEntry> consumer) {
    StringBuilder where = new StringBuilder(" where id > ?");
    List<Object> filters = new ArrayList<>();
    if (itemCode != null) {
      where.append(" and item_code = ?");
      filters.add(itemCode);
    }
    if (from != null) {
      where.append(" and posted_at >= ?");
      filters.add(Timestamp.from(from));
    }
    if (to != null) {
      where.append(" and posted_at < ?");
      filters.add(Timestamp.from(to));
    }
    String sql = ENTRY_SELECT + where + " order by id fetch first " + ENTRY_PAGE + " rows only";
    long after = 0;
    List<LedgerEntry> page;
    do {
      List<Object> args = new ArrayList<>();
      args.add(after);
      args.addAll(filters);
      page = jdbc.query(sql, ENTRY, args.toArray());
      page.forEach(consumer);
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == ENTRY_PAGE);
  }

  /** Every balance must equal the sum of its entries, in quantity and value, and the last entry's balance after. */
  @Transactional(readOnly = true)
  public Reconciliation reconcile() {
    List<Reconciliation.Mismatch> mismatches = jdbc.query("""
        select b.item_code, b.quantity, b.stock_value, b.entry_count,
               coalesce(sum(e.quantity), 0) as entry_quantity, coalesce(sum(e.amount), 0) as entry_value,
               count(e.id) as entries,
               (select l.balance_after from ledger_entry l where l.item_code = b.item_code
                 and l.id = (select max(m.id) from ledger_entry m where m.item_code = b.item_code)) as last_balance_after
        from ledger_balance b left join ledger_entry e on e.item_code = b.item_code
        group by b.item_code, b.quantity, b.stock_value, b.entry_count
        order by b.item_code""", (rs, n) -> new Reconciliation.Mismatch(rs.getString("item_code"),
        rs.getBigDecimal("quantity"), rs.getBigDecimal("entry_quantity"), rs.getBigDecimal("stock_value"),
        rs.getBigDecimal("entry_value"), rs.getBigDecimal("last_balance_after"), rs.getLong("entry_count"),
        rs.getLong("entries")));
    int checked = mismatches.size();
    return new Reconciliation(checked, mismatches.stream().filter(m -> !m.consistent()).toList(), assetsWithoutReceipt());
  }

  /** Asset cards whose source is no receipt line of their item, or more cards than that line received. */
  private List<Reconciliation.Finding> assetsWithoutReceipt() {
    return jdbc.query("""
        select a.source_voucher, a.source_line_no, a.item_code, count(*) as cards, min(a.tag) as first_tag,
               max(e.quantity) as received, max(e.business_key) as business_key
        from asset a left join ledger_entry e on e.voucher_key = a.source_voucher and e.line_no = a.source_line_no
             and e.item_code = a.item_code and e.entry_type = 'RECEIPT'
        group by a.source_voucher, a.source_line_no, a.item_code
        having max(e.quantity) is null or count(*) > max(e.quantity)
        order by a.source_voucher, a.source_line_no""", (rs, n) -> {
          BigDecimal received = rs.getBigDecimal("received");
          String reference = rs.getString("source_voucher") + "#" + rs.getInt("source_line_no");
          return new Reconciliation.Finding("assets-from-receipts", reference, rs.getString("business_key"), received == null
              ? "资产卡片 %s 等没有对应的入库记录 / asset card %s has no receipt line".formatted(rs.getString("first_tag"), rs.getString("first_tag"))
              : "%d 张资产卡片多于入库数量 %s / %d asset cards for a receipt of %s".formatted(rs.getLong("cards"),
                  received.stripTrailingZeros().toPlainString(), rs.getLong("cards"), received.stripTrailingZeros().toPlainString()));
        });
  }

  /** Received quantity per process instance and item, over all RECEIPT entries posted by {@code activityId}. */
  @Transactional(readOnly = true)
  public List<ReceivedTotal> receivedTotals(String activityId) {
    return jdbc.query("""
        select e.process_instance_id, max(e.business_key) as business_key, e.item_code, i.name, i.spec, sum(e.quantity) as quantity
        from ledger_entry e join ledger_item i on i.code = e.item_code
        where e.entry_type = 'RECEIPT' and e.activity_id = ? and e.process_instance_id is not null
        group by e.process_instance_id, e.item_code, i.name, i.spec
        order by e.process_instance_id, e.item_code""", (rs, n) -> new ReceivedTotal(rs.getString("process_instance_id"),
        rs.getString("business_key"), rs.getString("item_code"), rs.getString("name"), rs.getString("spec"),
        rs.getBigDecimal("quantity")), activityId);
  }

  /** What one case received of one item, in all its receipts. */
  public record ReceivedTotal(String processInstanceId, String businessKey, String itemCode, String name, String spec,
                              BigDecimal quantity) {
  }

  // ---------------------------------------------------------------- mapping

  private record Movement(BigDecimal quantity, BigDecimal unitCost, BigDecimal amount) {
  }

  private record Balance(String itemCode, BigDecimal quantity, BigDecimal value, BigDecimal averageCost, long entryCount) {

    Balance apply(Movement movement) {
      BigDecimal newQuantity = quantity.add(movement.quantity);
      BigDecimal newValue = value.add(movement.amount);
      BigDecimal newAverage = movement.quantity.signum() > 0 && newQuantity.signum() > 0
          ? newValue.divide(newQuantity, COST_SCALE, RoundingMode.HALF_UP)
          : averageCost;
      return new Balance(itemCode, newQuantity, newValue, newAverage, entryCount + 1);
    }
  }

  private static final RowMapper<Balance> BALANCE = (rs, n) -> new Balance(rs.getString("item_code"),
      rs.getBigDecimal("quantity"), rs.getBigDecimal("stock_value"), rs.getBigDecimal("average_cost"),
      rs.getLong("entry_count"));

  private static final String ITEM_SELECT = """
      select i.code, i.name, i.spec, i.unit, i.category, i.reorder_level, b.quantity, b.stock_value, b.average_cost
      from ledger_item i join ledger_balance b on b.item_code = i.code""";

  private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getString("code"), rs.getString("name"),
      rs.getString("spec"), rs.getString("unit"), rs.getString("category"), rs.getBigDecimal("reorder_level"),
      rs.getBigDecimal("quantity"), rs.getBigDecimal("stock_value"), rs.getBigDecimal("average_cost"));

  private static final String ENTRY_SELECT = """
      select id, voucher_key, line_no, item_code, entry_type, quantity, unit_cost, amount, balance_after, value_after,
             process_instance_id, business_key, activity_id, actor, posted_at
      from ledger_entry""";

  private static final RowMapper<LedgerEntry> ENTRY = LedgerService::entry;

  private static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
    return new LedgerEntry(rs.getLong("id"), rs.getString("voucher_key"), rs.getInt("line_no"),
        rs.getString("item_code"), EntryType.valueOf(rs.getString("entry_type")), rs.getBigDecimal("quantity"),
        rs.getBigDecimal("unit_cost"), rs.getBigDecimal("amount"), rs.getBigDecimal("balance_after"),
        rs.getBigDecimal("value_after"), rs.getString("process_instance_id"), rs.getString("business_key"),
        rs.getString("activity_id"), rs.getString("actor"), rs.getTimestamp("posted_at").toInstant());
  }
}
