package edu.campus.logistics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.CampusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@CampusTest
class LedgerApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  AssetRegister assets;
  @Autowired
  LedgerService ledger;

  @Test
  void storekeeperReadsItemsBalancesAndEntries() {
    JsonNode items = rest.withBasicAuth("wuxiaohong", "wuxiaohong").getForObject("/api/ledger/items", JsonNode.class);
    assertThat(items.findValuesAsText("code")).contains("OFF-A4", "PLB-FAUCET", "EQP-PROJ");

    JsonNode paper = rest.withBasicAuth("wuxiaohong", "wuxiaohong").getForObject("/api/ledger/items/OFF-A4", JsonNode.class);
    assertThat(paper.get("name").asText()).isEqualTo("复印纸");
    assertThat(paper.get("quantity").decimalValue()).isPositive();

    JsonNode entries = rest.withBasicAuth("wuxiaohong", "wuxiaohong").getForObject("/api/ledger/items/OFF-A4/entries", JsonNode.class);
    assertThat(entries.get(0).get("voucherKey").asText()).isEqualTo("OPENING-OFF-A4");
    assertThat(entries.get(0).get("type").asText()).isEqualTo("RECEIPT");

    JsonNode reconciliation = rest.withBasicAuth("gaoming", "gaoming").getForObject("/api/ledger/reconciliation", JsonNode.class);
    assertThat(reconciliation.path("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
    assertThat(reconciliation.get("itemsChecked").asInt()).isGreaterThanOrEqualTo(13);
  }

  @Test
  void assetsAreFilteredByLocationAndCustodianAndShowTheirHistory() {
    // a card stems from a receipt line (reconciliation reports cards that do not)
    ledger.receive(Voucher.manual("TEST-API-ASSETS", "wuxiaohong"),
        List.of(StockLine.of("EQP-PROJ", BigDecimal.ONE, new BigDecimal("3500.00"))));
    List<Asset> cards = assets.register(Voucher.manual("TEST-API-ASSETS", "wuxiaohong"),
        new NewAssets(1, "EQP-PROJ", 1, new BigDecimal("3500.00"), "实验楼204", "liuyang", LocalDate.of(2026, 10, 8)));
    String tag = cards.get(0).tag();

    JsonNode byLocation = rest.withBasicAuth("zhengkai", "zhengkai").getForObject("/api/assets?location=实验楼204", JsonNode.class);
    assertThat(byLocation.findValuesAsText("tag")).containsExactly(tag);
    JsonNode byCustodian = rest.withBasicAuth("zhengkai", "zhengkai").getForObject("/api/assets?custodian=liuyang", JsonNode.class);
    assertThat(byCustodian.findValuesAsText("tag")).contains(tag);

    JsonNode card = rest.withBasicAuth("zhengkai", "zhengkai").getForObject("/api/assets/" + tag, JsonNode.class);
    assertThat(card.get("asset").get("custodian").asText()).isEqualTo("liuyang");
    assertThat(card.get("history").get(0).get("type").asText()).isEqualTo("REGISTERED");
  }

  @Test
  void anonymousCallersAreAskedToLogInAndOtherGroupsAreRefused() {
    ResponseEntity<String> anonymous = rest.getForEntity("/api/ledger/items", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

    // a user nobody else in the suite logs in as: failed logins delay that user's next ones
    ResponseEntity<String> wrongPassword = rest.withBasicAuth("chenjing", "nope").getForEntity("/api/ledger/items", String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> teacher = rest.withBasicAuth("zhangwei", "zhangwei").getForEntity("/api/ledger/items", String.class);
    assertThat(teacher.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(teacher.getBody()).contains("zhangwei").contains("warehouse");

    ResponseEntity<String> unknown = rest.withBasicAuth("wuxiaohong", "wuxiaohong").getForEntity("/api/ledger/items/NO-SUCH", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("unknown item code: NO-SUCH");
  }
}
