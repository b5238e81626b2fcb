package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.ESCALATIONS;
import static edu.campus.logistics.patrol.PatrolVariables.ESCALATION_INDEX;
import static edu.campus.logistics.patrol.PatrolVariables.SUPERVISION_NOTE;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Complete listener of the supervision task: the head of logistics' instruction goes into the escalation it handles. */
@Component("recordRoundSupervision")
class RecordRoundSupervision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Escalation> escalations = new ArrayList<>(JsonVariable.readList(task.getVariable(ESCALATIONS), Escalation.class,
        ESCALATIONS, "督办记录"));
    int index = ((Number) task.getVariable(ESCALATION_INDEX)).intValue();
    escalations.set(index, escalations.get(index).handled(Actor.of(task), ClockUtil.getCurrentTime().toInstant().toString(),
        Values.text(task, SUPERVISION_NOTE)));
    task.getExecution().setVariable(ESCALATIONS, JsonVariable.write(escalations));
  }
}
