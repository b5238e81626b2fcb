package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.APPROVAL_COMMENT;
import static edu.campus.logistics.stocktake.StocktakeVariables.APPROVER_ID;
import static edu.campus.logistics.stocktake.StocktakeVariables.DECISION;
import static edu.campus.logistics.stocktake.StocktakeVariables.DIFFERENCES;
import static edu.campus.logistics.stocktake.StocktakeVariables.STOCK_MOVED;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Values;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_ApproveDifferences: a rejection needs a reason. The differences are
 * computed again against the ledger as it is at this moment; when they are not what the approver was
 * shown (stock moved while the task was open), the decision is not taken: {@code stockMoved} sends the
 * case back to Task_ComputeDifferences and a new approval task tells the approver what changed.
 */
@Component("approveDifferences")
public class ApproveDifferences implements TaskListener {

  static final String APPROVE = "approve";
  static final String REJECT = "reject";

  private final StocktakeDifferences differences;
  private final StocktakeStore store;

  public ApproveDifferences(StocktakeDifferences differences, StocktakeStore store) {
    this.differences = differences;
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    String approver = Actor.of(task);
    String decision = Values.text(task, DECISION);
    String comment = Values.text(task, APPROVAL_COMMENT);
    if (REJECT.equals(decision) && comment == null) {
      throw Refusal.of("驳回盘点结果时请填写审批意见", "a rejection needs an approvalComment");
    }
    StocktakeDifferences.Result now = differences.compute(task.getProcessInstanceId());
    if (!now.sameItemsAs(JsonVariable.readList(task.getVariable(DIFFERENCES), DifferenceLine.class, DIFFERENCES, "盘点差异"))) {
      task.setVariable(STOCK_MOVED, true);
      return;
    }
    task.setVariable(STOCK_MOVED, false);
    task.setVariable(APPROVER_ID, approver);
    store.decided(task.getProcessInstanceId(), APPROVE.equals(decision) ? StocktakeStore.APPROVED : StocktakeStore.APPROVING,
        approver, comment, ClockUtil.getCurrentTime().toInstant());
  }
}
