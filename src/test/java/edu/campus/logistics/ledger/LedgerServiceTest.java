package edu.campus.logistics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.CampusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CampusTest
class LedgerServiceTest {

  @Autowired
  LedgerService ledger;
  @Autowired
  AssetRegister assets;

  String code;

  @BeforeEach
  void newItem() {
    code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(code, "测试粉笔", "白色", "盒", ItemCategory.OFFICE.id(), BigDecimal.TEN));
  }

  @Test
  void receiptsIssuesAndAdjustmentsKeepMovingAverageAndBalanceAfter() {
    ledger.receive(voucher("r1"), List.of(StockLine.of(code, qty("10"), new BigDecimal("5.00"))));
    ledger.receive(voucher("r2"), List.of(StockLine.of(code, qty("10"), new BigDecimal("7.00"))));
    assertBalance("20", "120.00", "6.0000");

    Posting issue = ledger.issue(voucher("i1"), List.of(StockLine.of(code, qty("5"))));
    assertThat(issue.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.type()).isEqualTo(EntryType.ISSUE);
      assertThat(entry.quantity()).isEqualByComparingTo("-5");
      assertThat(entry.unitCost()).isEqualByComparingTo("6");
      assertThat(entry.amount()).isEqualByComparingTo("-30.00");
      assertThat(entry.balanceAfter()).isEqualByComparingTo("15");
      assertThat(entry.actor()).isEqualTo("wuxiaohong");
    });
    assertBalance("15", "90.00", "6.0000");

    ledger.adjust(voucher("a1"), List.of(StockLine.of(code, qty("-1"))));
    assertBalance("14", "84.00", "6.0000");
    ledger.adjust(voucher("a2"), List.of(StockLine.of(code, qty("6"), new BigDecimal("11.00"))));
    assertBalance("20", "150.00", "7.5000");

    ledger.useForRepair(voucher("u1"), List.of(StockLine.of(code, qty("20"))));
    assertBalance("0", "0.00", "7.5000");

    List<LedgerEntry> entries = ledger.entries(code);
    assertThat(entries).extracting(LedgerEntry::type).containsExactly(EntryType.RECEIPT, EntryType.RECEIPT,
        EntryType.ISSUE, EntryType.ADJUSTMENT, EntryType.ADJUSTMENT, EntryType.REPAIR_USE);
    assertThat(entries).extracting(e -> e.balanceAfter().intValue()).containsExactly(10, 20, 15, 14, 20, 0);
    assertThat(ledger.reconcile().consistent()).isTrue();
  }

  @Test
  void issuingAwkwardFractionsNeverLeavesValueResidue() {
    ledger.receive(voucher("r"), List.of(StockLine.of(code, qty("3"), new BigDecimal("10.00"))));
    ledger.issue(voucher("i1"), List.of(StockLine.of(code, qty("1"))));
    ledger.issue(voucher("i2"), List.of(StockLine.of(code, qty("1"))));
    ledger.issue(voucher("i3"), List.of(StockLine.of(code, qty("1"))));
    assertBalance("0", "0.00", "10.0000");
    assertThat(ledger.reconcile().consistent()).isTrue();
  }

  @Test
  void postingTheSameVoucherTwiceWritesOneEntryAndReturnsTheFirst() {
    Voucher voucher = voucher("dup");
    Posting first = ledger.receive(voucher, List.of(StockLine.of(code, qty("4"), new BigDecimal("2.50"))));
    Posting second = ledger.receive(voucher, List.of(StockLine.of(code, qty("4"), new BigDecimal("2.50"))));

    assertThat(first.repeated()).isFalse();
    assertThat(second.repeated()).isTrue();
    assertThat(second.entries()).isEqualTo(first.entries());
    assertThat(ledger.entries(code)).hasSize(1);
    assertBalance("4", "10.00", "2.5000");
  }

  @Test
  void issueBeyondBalanceIsRefusedAndWritesNothing() {
    String other = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(other, "测试拖把", null, "把", ItemCategory.CLEANING.id(), BigDecimal.ONE));
    ledger.receive(voucher("r"), List.of(StockLine.of(code, qty("3"), new BigDecimal("1.00")),
        StockLine.of(other, qty("1"), new BigDecimal("20.00"))));

    // the first line alone would fit: the voucher is all or nothing
    assertThatThrownBy(() -> ledger.issue(voucher("too-much"),
        List.of(StockLine.of(code, qty("2")), StockLine.of(other, qty("2")))))
        .isInstanceOf(InsufficientStockException.class)
        .hasMessageContaining(other).hasMessageContaining("available 1").hasMessageContaining("requested 2");

    assertBalance("3", "3.00", "1.0000");
    assertThat(ledger.findItem(other).orElseThrow().quantity()).isEqualByComparingTo("1");
    assertThat(ledger.entriesOfVoucher(voucher("too-much").key())).isEmpty();
  }

  @Test
  void malformedPostingsAreRefusedWithAReason() {
    assertThatThrownBy(() -> ledger.receive(voucher("neg"), List.of(StockLine.of(code, qty("-1"), BigDecimal.ONE))))
        .isInstanceOf(InvalidPostingException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> ledger.receive(voucher("zero"), List.of(StockLine.of(code, qty("0"), BigDecimal.ONE))))
        .isInstanceOf(InvalidPostingException.class).hasMessageContaining("non-zero");
    assertThatThrownBy(() -> ledger.receive(voucher("nocost"), List.of(StockLine.of(code, qty("1")))))
        .isInstanceOf(InvalidPostingException.class).hasMessageContaining("unit cost");
    assertThatThrownBy(() -> ledger.receive(voucher("huge"), List.of(StockLine.of(code, qty("99999999"), BigDecimal.ONE))))
        .isInstanceOf(InvalidPostingException.class);
    assertThatThrownBy(() -> ledger.issue(voucher("unknown"), List.of(StockLine.of("NO-SUCH-ITEM", qty("1")))))
        .isInstanceOf(UnknownItemException.class).hasMessageContaining("NO-SUCH-ITEM");
    assertThatThrownBy(() -> ledger.issue(voucher("empty"), List.of()))
        .isInstanceOf(InvalidPostingException.class);
    assertThat(ledger.entries(code)).isEmpty();
  }

  @Test
  void assetCardsAreTaggedIdempotentAndKeepTheirHistory() {
    ledger.receive(voucher("proj"), List.of(StockLine.of(code, qty("2"), new BigDecimal("3200.00"))));
    NewAssets cards = new NewAssets(1, code, 2, new BigDecimal("3200.00"), "教学楼301", "zhangwei", LocalDate.of(2026, 9, 1));
    List<Asset> created = assets.register(voucher("proj"), cards);
    List<Asset> again = assets.register(voucher("proj"), cards);

    assertThat(created).hasSize(2).allSatisfy(asset -> {
      assertThat(asset.tag()).matches("ZC2026-\\d{6}");
      assertThat(asset.status()).isEqualTo(AssetStatus.IN_USE);
      assertThat(asset.custodian()).isEqualTo("zhangwei");
    });
    assertThat(again).isEqualTo(created);
    assertThat(assets.search("教学楼301", "zhangwei")).extracting(Asset::tag)
        .containsAll(created.stream().map(Asset::tag).toList());

    String tag = created.get(0).tag();
    assets.recordEvent(voucher("damage"), tag, AssetEventType.DAMAGED, "镜头摔裂", null, null);
    assets.recordEvent(voucher("damage"), tag, AssetEventType.DAMAGED, "镜头摔裂", null, null);
    assets.recordEvent(voucher("move"), tag, AssetEventType.MOVED, "调往多媒体教室", "多媒体教室", "liuyang");
    assertThat(assets.find(tag).orElseThrow()).satisfies(asset -> {
      assertThat(asset.status()).isEqualTo(AssetStatus.DAMAGED);
      assertThat(asset.location()).isEqualTo("多媒体教室");
      assertThat(asset.custodian()).isEqualTo("liuyang");
    });
    assertThat(assets.history(tag)).extracting(AssetEvent::type)
        .containsExactly(AssetEventType.REGISTERED, AssetEventType.DAMAGED, AssetEventType.MOVED);
    assertThatThrownBy(() -> assets.recordEvent(voucher("x"), "ZC1999-000000", AssetEventType.REPAIRED, null, null, null))
        .isInstanceOf(UnknownItemException.class);
  }

  @Test
  void findOrRegisterItemMatchesTheCatalogueByNameAndSpec() {
    Item paper = ledger.findOrRegisterItem(" 复印纸 ", "A4 70g 500张/包 5包/箱", "箱", "office");
    assertThat(paper.code()).isEqualTo("OFF-A4");
    Item fresh = ledger.findOrRegisterItem("电子白板笔", "黑色 " + code, "支", "office");
    assertThat(fresh.code()).startsWith("OFFICE-");
    assertThat(ledger.findOrRegisterItem("电子白板笔", "黑色 " + code, "支", "office").code()).isEqualTo(fresh.code());
  }

  private void assertBalance(String quantity, String value, String average) {
    Item item = ledger.findItem(code).orElseThrow();
    assertThat(item.quantity()).isEqualByComparingTo(quantity);
    assertThat(item.stockValue()).isEqualByComparingTo(value);
    assertThat(item.averageCost()).isEqualByComparingTo(average);
  }

  private Voucher voucher(String name) {
    return Voucher.manual("TEST-" + code + "-" + name, "wuxiaohong");
  }

  private static BigDecimal qty(String value) {
    return new BigDecimal(value);
  }
}
