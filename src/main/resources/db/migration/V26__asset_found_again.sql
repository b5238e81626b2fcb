-- a stocktake may find a card that an earlier one recorded missing (盘亏): the card is in use again (找回)
alter table asset_event drop constraint ck_asset_event_type;
alter table asset_event add constraint ck_asset_event_type
  check (event_type in ('REGISTERED', 'MOVED', 'DAMAGED', 'REPAIRED', 'RETIRED', 'MISSING', 'AUDITED', 'FOUND'));
