package edu.campus.logistics.stocktake;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Refusal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four-eyes principle 四眼原则 on Task_ApproveDifferences, on assignment (claim, set assignee) and on
 * completion: whoever counted a sheet of the stocktake does not approve its differences, whatever groups
 * they are in. The counters are those the counts were recorded for ({@link StocktakeStore#counters}).
 */
@Component("counterMayNotApprove")
public class CounterMayNotApprove implements TaskListener {

  private final StocktakeStore store;

  public CounterMayNotApprove(StocktakeStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    Set<String> actors = Actor.involved(task);
    List<String> counters = store.counters(task.getProcessInstanceId());
    for (String actor : actors) {
      if (counters.contains(actor)) {
        throw Refusal.of("四眼原则：盘点人不能审批自己参与的盘点（%s）".formatted(actor),
            "four-eyes principle: the counter %s may not approve the stocktake they counted".formatted(actor));
      }
    }
  }
}
