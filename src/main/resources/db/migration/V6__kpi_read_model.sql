-- KPI read model (docs/metrics.md "How it is computed"): one row per repair, procurement and
-- damage-compensation case, written by edu.campus.logistics.metrics.KpiHistoryEventHandler in the
-- transaction that writes the engine's history, and backfilled from the history at start-up
-- (KpiBackfill) for cases older than this table. What goes into a row is decided in one place,
-- KpiCaseMapping. Every write is an idempotent upsert keyed by the engine's ids. Portable between
-- H2 and PostgreSQL.

create table kpi_case (
  process_instance_id varchar(64)    not null primary key,
  process_key         varchar(255)   not null,
  business_key        varchar(255),
  started_at          timestamp      not null,
  ended_at            timestamp,
  end_activity_id     varchar(255),
  -- repair (docs/processes/repair.md)
  reported_at         timestamp,
  category            varchar(64),
  urgency             varchar(32),
  location            varchar(255),
  asset_tag           varchar(64),
  first_responder     varchar(128),
  technician          varchar(128),
  work_done           boolean,
  responded_at        timestamp,
  dispatched_at       timestamp,
  resolved_at         timestamp,
  response_due_at     timestamp,
  resolution_due_at   timestamp,
  fixed               boolean,
  reopen_count        bigint,
  satisfaction        bigint,
  -- "stage/level" per entry of the escalations variable, ';'-separated (repair and procurement)
  escalations         varchar(2000),
  -- time in Task_WaitForParts: finished rounds, and the start of an unfinished one
  parts_wait_millis   bigint,
  parts_wait_since    timestamp,
  -- procurement (docs/processes/procurement.md)
  department          varchar(255),
  supplier            varchar(255),
  outcome             varchar(32),
  over_budget         boolean,
  quote_count         integer,
  -- "level/millis" per decided approval, ';'-separated; revised: a decision 'revise' happened
  approvals           varchar(4000),
  revised             boolean,
  stocked_at          timestamp,
  rejected            boolean,
  -- damage compensation
  assessed_amount     decimal(19, 2),
  paid_amount         decimal(19, 2),
  settlement          varchar(32),
  updated_at          timestamp      not null
);
create index ix_kpi_case_started on kpi_case (process_key, started_at);
create index ix_kpi_case_open on kpi_case (process_key, ended_at);

-- the activity instances a KPI needs (Task_WaitForParts, Task_StockGoods, Task_ReadRejection), one row each
create table kpi_case_step (
  activity_instance_id varchar(64)   not null primary key,
  process_instance_id  varchar(64)   not null,
  activity_id          varchar(255)  not null,
  started_at           timestamp     not null,
  ended_at             timestamp
);
create index ix_kpi_case_step_case on kpi_case_step (process_instance_id);
