package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.SOURCE_TOLD_CANCELLED;
import static edu.campus.logistics.repair.RepairVariables.SOURCE_TOLD_CLOSED_AT;
import static edu.campus.logistics.repair.RepairVariables.CLOSED_MESSAGE;
import static edu.campus.logistics.repair.RepairVariables.SOURCE_INSTANCE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End listener of the repair process: a repair started from another case (a feedback forwarded to a
 * repair, 转报修) tells that case it is over — message {@value RepairVariables#CLOSED_MESSAGE} to the
 * instance {@code sourceInstanceId}, with when and whether it was cancelled (deleted) rather than
 * closed. A source case that no longer waits for it is left alone.
 */
@Component("tellSourceCase")
public class TellSourceCase implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(TellSourceCase.class);

  @Override
  public void notify(DelegateExecution execution) {
    if (!(execution.getVariable(SOURCE_INSTANCE_ID) instanceof String source)) {
      return;
    }
    boolean cancelled = execution instanceof PvmExecutionImpl pvm && pvm.isCanceled();
    int told = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().createMessageCorrelation(CLOSED_MESSAGE).processInstanceId(source)
        .setVariables(Variables.createVariables().putValue(SOURCE_TOLD_CLOSED_AT, ClockUtil.getCurrentTime()).putValue(SOURCE_TOLD_CANCELLED, cancelled))
        .correlateAllWithResult().size());
    LOG.info("Repair {} {}: told its source case {} ({} waiting)", execution.getProcessBusinessKey(),
        cancelled ? "cancelled" : "closed", source, told);
  }
}
