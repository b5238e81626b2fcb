-- Daily patrol (日巡日报) and planned inspections (docs/processes/daily-patrol.md): one row per
-- planned round of a day (an area's morning round, an inspection plan due that day) and one per
-- defect found, with the repair it started or was linked to. Written by
-- edu.campus.logistics.patrol.ChecklistRounds in the engine's transaction; read by
-- GET /api/patrols/{date}. Kept when the engine's history is cleaned up: the day's report stays.
-- Portable between H2 and PostgreSQL.

create table checklist_round (
  process_instance_id varchar(64)  not null,
  round_key           varchar(200) not null,
  process_key         varchar(64)  not null,
  case_number         varchar(64),
  round_date          date         not null,
  area                varchar(100) not null,
  area_name           varchar(100) not null,
  round_id            varchar(100) not null,
  round_name          varchar(100) not null,
  assignee            varchar(128),
  candidate_group     varchar(128),
  asset_tag           varchar(64),
  due_at              timestamp    not null,
  done_by             varchar(128),
  done_at             timestamp,
  escalated_at        timestamp,
  primary key (process_instance_id, round_key)
);

create index checklist_round_by_date on checklist_round (process_key, round_date);

create table checklist_defect (
  process_instance_id varchar(64)  not null,
  round_key           varchar(200) not null,
  item                varchar(100) not null,
  item_name           varchar(100) not null,
  repair_category     varchar(64)  not null,
  note                varchar(1000) not null,
  urgency             varchar(32)  not null,
  repair_instance_id  varchar(64)  not null,
  repair_case_number  varchar(64),
  linked_to_open      boolean      not null,
  found_by            varchar(128) not null,
  found_at            timestamp    not null,
  primary key (process_instance_id, round_key, item),
  foreign key (process_instance_id, round_key) references checklist_round (process_instance_id, round_key)
);
