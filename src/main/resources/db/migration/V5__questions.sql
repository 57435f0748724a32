-- Anonymous questions. Only a keyed hash of the pickup code is stored; text is redacted before it gets here.

create table question (
    id           varchar(36)   primary key,
    pickup_hash  varchar(64)   not null,
    session_hash varchar(64),
    question     varchar(4000) not null,
    topic        varchar(60),
    age_band     varchar(10),
    status       varchar(20)   not null,
    claimed_by   varchar(80),
    answer       varchar(8000),
    answered_by  varchar(80),
    created_at   timestamp     not null,
    answered_at  timestamp,
    delete_after timestamp     not null,
    stat_id      varchar(36)   not null,
    constraint question_pickup unique (pickup_hash)
);

create index question_status_idx on question (status, created_at);

-- What remains for statistics after a question is deleted.
create table question_stat (
    id          varchar(36) primary key,
    asked_at    timestamp   not null,
    topic       varchar(60),
    age_band    varchar(10),
    answered_at timestamp
);
