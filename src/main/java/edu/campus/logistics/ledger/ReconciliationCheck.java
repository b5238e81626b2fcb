package edu.campus.logistics.ledger;

import java.util.List;

/**
 * A check of the books against what a process recorded, contributed by the module that knows the
 * process (the ledger knows no process): every such bean is run by the reconciliation endpoint.
 */
public interface ReconciliationCheck {

  List<Reconciliation.Finding> findings();
}
