package edu.campus.logistics.input;

import edu.campus.logistics.OnPostgres;

/** {@link DeploymentLogTest} on PostgreSQL: the V5 deployment log tables, the entry in the deployment's transaction, paging. */
@OnPostgres
class DeploymentLogPostgresTest extends DeploymentLogTest {
}
