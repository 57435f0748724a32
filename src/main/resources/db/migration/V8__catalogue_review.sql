-- Catalogue changes under four-eyes review, verification with the service, a change history per service, and
-- anonymous reports of wrong information (text redacted by the privacy guard before it gets here).

alter table help_service add column verified_by varchar(120);

create table service_change (
    id          varchar(36)    primary key,
    service_id  varchar(80)    not null,
    kind        varchar(20)    not null,
    status      varchar(20)    not null,
    document    varchar(200000),
    fields      varchar(4000)  not null,
    author      varchar(120)   not null,
    created_at  timestamp      not null,
    reviewer    varchar(120),
    reviewed_at timestamp,
    note        varchar(1000)
);

create index service_change_status_idx on service_change (status, created_at);
create index service_change_service_idx on service_change (service_id, status);

create table service_history (
    id          varchar(36)   primary key,
    service_id  varchar(80)   not null,
    seq         integer       not null,
    happened_at timestamp     not null,
    action      varchar(20)   not null,
    staff       varchar(120),
    approver    varchar(120),
    fields      varchar(4000) not null
);

create index service_history_service_idx on service_history (service_id, seq);

create table service_report (
    id         varchar(36)   primary key,
    service_id varchar(80)   not null,
    report_text varchar(8000) not null,
    status     varchar(20)   not null,
    created_at timestamp     not null,
    closed_at  timestamp,
    closed_by  varchar(120),
    note       varchar(1000)
);

create index service_report_status_idx on service_report (status, created_at);
