package edu.campus.logistics.procurement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The requester's rejection or return for revision opened (on create): the form shows the lines
 * and the approvals in words, who decided and when ({@link ApprovalView#showRequest}).
 */
@Component("showRequestInWords")
public class ShowRequestInWords implements TaskListener {

  private final ApprovalView view;

  public ShowRequestInWords(ApprovalView view) {
    this.view = view;
  }

  @Override
  public void notify(DelegateTask task) {
    view.showRequest(task);
  }
}
