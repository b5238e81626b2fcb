-- 扫码报修: the photo a reporter adds to their repair report from the phone (one per report, a new
-- upload replaces it). Image bytes only (JPEG, PNG, WebP; at most 2 MB, checked by
-- edu.campus.logistics.scan.ReportPhotos before anything is written); served back only to the reporter
-- and to those the engine lets see the case. Portable between H2 and PostgreSQL (bytea).

create table repair_photo (
  process_instance_id varchar(64)  not null primary key,
  media_type          varchar(32)  not null,
  size_bytes          integer      not null,
  content             bytea        not null,
  uploaded_by         varchar(128) not null,
  uploaded_at         timestamp    not null
);
