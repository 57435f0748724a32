-- The crisis path's anonymous counts: whether a chat was urgent, the last risk flag, alerts, supervisor joins and
-- requests for personal data (asked, shared, declined). What was shared never reaches the database.
alter table chat_stat add column urgent boolean default false not null;
alter table chat_stat add column risk_level varchar(10);
alter table chat_stat add column risk_category varchar(30);
alter table chat_stat add column alerts integer default 0 not null;
alter table chat_stat add column supervisor_joins integer default 0 not null;
alter table chat_stat add column consent_asked integer default 0 not null;
alter table chat_stat add column consent_shared integer default 0 not null;
alter table chat_stat add column consent_declined integer default 0 not null;
