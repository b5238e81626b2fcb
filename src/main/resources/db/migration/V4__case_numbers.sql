-- Case numbers people can say ("CG-2026-0042"): the last number given per prefix and year. A start
-- takes the next one under this row's lock in its own transaction, so numbers are unique across
-- cluster nodes and a start that fails gives its number back. Case data, kept like the ledger.
create table case_number (
  prefix      varchar(8)  not null,
  number_year integer     not null,
  last_number integer     not null,
  primary key (prefix, number_year)
);
