package edu.campus.logistics.exports;

import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The asset register (固定资产登记簿) per location and custodian (责任到人), with a totals row. */
@Component
class AssetRegisterExport {

  static final List<String> HEADERS = List.of("资产编号", "物品编码", "资产名称", "规格", "存放地点", "责任人", "状态",
      "原值", "取得日期", "来源凭证");

  private final AssetRegister assets;
  private final CaseHistory cases;

  AssetRegisterExport(AssetRegister assets, CaseHistory cases) {
    this.assets = assets;
    this.cases = cases;
  }

  void write(TableSink sink, String location, String custodian) {
    Map<String, String> people = cases.userNames();
    List<Asset> cards = assets.search(location, custodian).stream()
        .sorted(Comparator.comparing(Asset::location).thenComparing(Asset::custodian).thenComparing(Asset::tag)).toList();
    sink.header(HEADERS);
    BigDecimal total = BigDecimal.ZERO;
    for (Asset card : cards) {
      total = total.add(card.cost());
      sink.row(Arrays.asList(card.tag(), card.itemCode(), card.name(), card.spec(), card.location(),
          people.getOrDefault(card.custodian(), card.custodian()), Labels.assetStatus(card.status()), card.cost(),
          card.acquiredOn().toString(), card.sourceVoucher()));
    }
    sink.row(Texts.totalRow(HEADERS.indexOf("资产名称"), "共 " + cards.size() + " 件", Map.of(HEADERS.indexOf("原值"), total)));
  }
}
