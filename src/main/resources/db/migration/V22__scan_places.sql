-- 扫码报修 (docs/processes/repair.md, "Reporting by phone"): the register of places that carry a
-- printed QR code (a room, a corridor, a toilet). The repair's location is "<building> <room>".
-- Written by edu.campus.logistics.scan.Places (PUT /api/scan/places/{code}); asset cards carry
-- their own codes from the asset register. Portable between H2 and PostgreSQL.

create table scan_place (
  code        varchar(32)  not null primary key,
  building    varchar(40)  not null,
  room        varchar(50)  not null,
  updated_by  varchar(128) not null,
  updated_at  timestamp    not null
);

create index scan_place_by_building on scan_place (building, code);
