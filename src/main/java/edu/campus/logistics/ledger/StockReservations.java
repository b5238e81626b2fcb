package edu.campus.logistics.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock reserved by approved requisitions: <b>available = on hand − reserved</b>. The only code that
 * writes {@code stock_reservation}. Reserving and issuing take the items' {@code ledger_balance} row
 * locks (the same rows every ledger posting locks, in code order) before they read anything, so two
 * approvals of requisitions for the same last units are serialized: the second sees the first's
 * reservation and gets what is left, never the same units. Runs in the caller's (the engine's)
 * transaction: a reservation commits or rolls back with the approval that made it.
 */
@Service
@Transactional(noRollbackFor = LedgerException.class)
public class StockReservations {

  private final JdbcTemplate jdbc;
  private final LedgerService ledger;
  private final LedgerClock clock;

  public StockReservations(JdbcTemplate jdbc, LedgerService ledger, LedgerClock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** One reserved (or issued) line: the line number of the request and its quantity (zero when none). */
  public record Reserved(int lineNo, String itemCode, BigDecimal quantity) {
  }

  /** An item with what is on hand, reserved and available for new requisitions. */
  public record Availability(Item item, BigDecimal reserved, BigDecimal available) {
  }

  /**
   * Reserves up to the wanted quantity of each line, as much as is available, under the balance row
   * locks. Lines are numbered from 1 in the given order; a line nothing could be reserved for comes
   * back with quantity zero. The same key twice reserves nothing new and returns the first result.
   */
  public List<Reserved> reserve(String reservationKey, String processInstanceId, String businessKey,
                                List<StockLine> wanted) {
    if (reservationKey == null || reservationKey.isBlank() || reservationKey.length() > 200) {
      throw new InvalidPostingException("reservation key must be 1..200 characters");
    }
    if (wanted == null || wanted.isEmpty() || wanted.size() > LedgerService.MAX_LINES) {
      throw new InvalidPostingException("a reservation needs 1.." + LedgerService.MAX_LINES + " lines");
    }
    Map<String, BigDecimal> available = lockAndReadAvailable(wanted.stream().map(StockLine::itemCode).toList());
    List<Reserved> earlier = ofKey(reservationKey, null);
    if (!earlier.isEmpty()) {
      return complete(earlier, wanted);
    }
    Timestamp now = Timestamp.from(clock.now());
    List<Reserved> reserved = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      StockLine line = wanted.get(i);
      if (line.quantity() == null || line.quantity().signum() <= 0) {
        throw new InvalidPostingException("reserved quantity of " + line.itemCode() + " must be positive");
      }
      BigDecimal quantity = line.quantity().min(available.get(line.itemCode())).max(BigDecimal.ZERO);
      if (quantity.signum() > 0) {
        jdbc.update("""
            insert into stock_reservation (reservation_key, line_no, item_code, quantity, state, process_instance_id,
              business_key, created_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""",
            reservationKey, i + 1, line.itemCode(), quantity, processInstanceId, businessKey, now);
        available.put(line.itemCode(), available.get(line.itemCode()).subtract(quantity));
      }
      reserved.add(new Reserved(i + 1, line.itemCode(), quantity));
    }
    return reserved;
  }

  /**
   * Issues what the key reserved (ISSUE entries through {@link LedgerService#issue}, one voucher) and
   * marks its reservations issued. Should stock have been taken meanwhile by a posting that does not
   * reserve, only what is on hand is issued — never negative stock; the lines say what was issued.
   * A voucher posted before (a retried job) posts nothing again.
   */
  public List<Reserved> issueReserved(Voucher voucher, String reservationKey) {
    List<Reserved> active = ofKey(reservationKey, "ACTIVE");
    if (active.isEmpty()) {
      return ofKey(reservationKey, "ISSUED");
    }
    Map<String, BigDecimal> onHand = lockBalances(active.stream().map(Reserved::itemCode).toList());
    List<StockLine> lines = new ArrayList<>();
    List<Reserved> issued = new ArrayList<>();
    for (Reserved reservation : active) {
      BigDecimal quantity = reservation.quantity().min(onHand.get(reservation.itemCode()));
      if (quantity.signum() > 0) {
        lines.add(StockLine.of(reservation.itemCode(), quantity));
        onHand.put(reservation.itemCode(), onHand.get(reservation.itemCode()).subtract(quantity));
      }
      issued.add(new Reserved(reservation.lineNo(), reservation.itemCode(), quantity.max(BigDecimal.ZERO)));
    }
    if (!lines.isEmpty()) {
      ledger.issue(voucher, lines);
    }
    jdbc.update("update stock_reservation set state = 'ISSUED', closed_at = ? where reservation_key = ? and state = 'ACTIVE'",
        Timestamp.from(clock.now()), reservationKey);
    return issued;
  }

  /** Releases every active reservation of a process instance (rejected, withdrawn, cancelled); returns how many. */
  public int release(String processInstanceId) {
    return jdbc.update("update stock_reservation set state = 'RELEASED', closed_at = ? where process_instance_id = ? and state = 'ACTIVE'",
        Timestamp.from(clock.now()), processInstanceId);
  }

  /** The active reservations under a key, by line. */
  @Transactional(readOnly = true)
  public List<Reserved> active(String reservationKey) {
    return ofKey(reservationKey, "ACTIVE");
  }

  /** Quantity reserved (active) for an item by all cases. */
  @Transactional(readOnly = true)
  public BigDecimal reserved(String itemCode) {
    return jdbc.queryForObject("select coalesce(sum(quantity), 0) from stock_reservation where item_code = ? and state = 'ACTIVE'",
        BigDecimal.class, itemCode);
  }

  /** Every catalogue item with what is on hand, reserved and available, by code. */
  @Transactional(readOnly = true)
  public List<Availability> catalogue() {
    Map<String, BigDecimal> reserved = new HashMap<>();
    jdbc.query("select item_code, sum(quantity) as reserved from stock_reservation where state = 'ACTIVE' group by item_code",
        rs -> {
          reserved.put(rs.getString("item_code"), rs.getBigDecimal("reserved"));
        });
    return ledger.items().stream().map(item -> {
      BigDecimal held = reserved.getOrDefault(item.code(), BigDecimal.ZERO);
      return new Availability(item, held, item.quantity().subtract(held).max(BigDecimal.ZERO));
    }).toList();
  }

  /** Items whose available stock is under their reorder level (items with level zero never are), by code. */
  @Transactional(readOnly = true)
  public List<Availability> underReorderLevel() {
    return catalogue().stream()
        .filter(entry -> entry.item().reorderLevel().signum() > 0
            && entry.available().compareTo(entry.item().reorderLevel()) < 0)
        .toList();
  }

  private Map<String, BigDecimal> lockAndReadAvailable(Collection<String> codes) {
    Map<String, BigDecimal> available = lockBalances(codes);
    for (String code : available.keySet()) {
      available.put(code, available.get(code).subtract(reserved(code)));
    }
    return available;
  }

  /** On-hand quantity per item, each balance row locked in code order (as every ledger posting does). */
  private Map<String, BigDecimal> lockBalances(Collection<String> codes) {
    Map<String, BigDecimal> onHand = new HashMap<>();
    for (String code : new TreeSet<>(codes)) {
      List<BigDecimal> found = jdbc.query("select quantity from ledger_balance where item_code = ? for update",
          (rs, n) -> rs.getBigDecimal(1), code);
      if (found.isEmpty()) {
        throw new UnknownItemException("item code", code);
      }
      onHand.put(code, found.get(0));
    }
    return onHand;
  }

  private List<Reserved> ofKey(String reservationKey, String state) {
    return jdbc.query("select line_no, item_code, quantity from stock_reservation where reservation_key = ?"
        + (state == null ? "" : " and state = '" + state + "'") + " order by line_no", RESERVED, reservationKey);
  }

  /** The earlier result of a key, with the lines that got nothing filled in as zero. */
  private static List<Reserved> complete(List<Reserved> earlier, List<StockLine> wanted) {
    List<Reserved> all = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      int lineNo = i + 1;
      all.add(earlier.stream().filter(r -> r.lineNo() == lineNo).findFirst()
          .orElse(new Reserved(lineNo, wanted.get(i).itemCode(), BigDecimal.ZERO)));
    }
    return all;
  }

  private static final RowMapper<Reserved> RESERVED = (rs, n) -> new Reserved(rs.getInt("line_no"),
      rs.getString("item_code"), rs.getBigDecimal("quantity"));
}
