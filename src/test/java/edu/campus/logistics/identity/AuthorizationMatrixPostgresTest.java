package edu.campus.logistics.identity;

import edu.campus.logistics.OnPostgres;

/** {@link AuthorizationMatrixTest} on PostgreSQL. */
@OnPostgres
class AuthorizationMatrixPostgresTest extends AuthorizationMatrixTest {
}
