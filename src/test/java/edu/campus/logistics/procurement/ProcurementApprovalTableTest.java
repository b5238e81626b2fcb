package edu.campus.logistics.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployed decision tables procurement-approval and procurement-quotes at their thresholds,
 * and the purchase rules and escalation ladder process owners edit in the same file.
 */
@CampusTest
class ProcurementApprovalTableTest {

  @Autowired
  private DecisionService decisionService;

  @ParameterizedTest(name = "{0} CNY {1} → {2}, quotes {3}")
  @CsvSource(delimiter = ';', value = {
      "0.01; office; general-affairs; false",
      "2000; office; general-affairs; false",
      "2000.01; equipment; general-affairs,principal; false",
      "4999.99; furniture; general-affairs,principal; false",
      "5000; furniture; general-affairs,principal; true",
      "20000; equipment; general-affairs,principal; true",
      "20000.01; equipment; general-affairs,principal,school-committee; true",
      "350000; other; general-affairs,principal,school-committee; true"})
  void chainAndQuotesFollowTheThresholds(double total, String category, String levels, boolean quotes) {
    Map<String, Object> input = Variables.createVariables().putValue("totalAmount", total).putValue("category", category);
    List<Object> chain = decisionService.evaluateDecisionTableByKey("procurement-approval", input)
        .collectEntries("approvalLevel");
    assertThat(chain).containsExactly((Object[]) levels.split(","));
    Object required = decisionService.evaluateDecisionTableByKey("procurement-quotes", input).getSingleEntry();
    assertThat(required).isEqualTo(quotes);
  }

  @ParameterizedTest(name = "{0}: {1} % over the approved amount, {2} quotes")
  @CsvSource(delimiter = ';', value = {"office; 10; 3", "equipment; 10; 3", "furniture; 10; 3"})
  void purchaseRulesGiveTheToleranceAndTheMinimumQuotes(String category, double tolerance, int quotes) {
    Map<String, Object> rules = decisionService.evaluateDecisionTableByKey(PurchaseRules.DECISION,
        Variables.createVariables().putValue("category", category)).getSingleResult().getEntryMap();
    assertThat(rules).containsEntry("budgetTolerancePercent", tolerance).containsEntry("minQuotes", quotes);
  }

  @ParameterizedTest(name = "{0} overdue → {1}")
  @CsvSource(delimiter = ';', value = {
      "general-affairs; principal",
      "principal; school-committee",
      "school-committee; principal",
      "finance; principal"})
  void theEscalationLadderNamesTheNextLevel(String overdue, String escalatedTo) {
    Object target = decisionService.evaluateDecisionTableByKey(EscalateApproval.DECISION,
        Variables.createVariables().putValue("approvalLevel", overdue)).getSingleEntry();
    assertThat(target).isEqualTo(escalatedTo);
  }
}
