-- One row that serializes additions to the item catalogue (select ... for update): two stockings of
-- the same new item at the same time yield one catalogue item, and both postings succeed.
create table ledger_lock (
  name  varchar(32) not null primary key
);
insert into ledger_lock (name) values ('catalogue');
