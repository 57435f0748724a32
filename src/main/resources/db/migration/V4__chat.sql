-- What remains of a chat: anonymous statistics only. Message text never reaches the database.

create table chat_stat (
    id                 varchar(36)  primary key,
    started_at         timestamp    not null,
    topic              varchar(60),
    age_band           varchar(10),
    waited_seconds     integer,
    duration_seconds   integer,
    outcome            varchar(30)  not null,
    wrap_up_topics     varchar(1000) not null,
    wrap_up_outcome    varchar(60),
    referred_services  varchar(2000) not null,
    feedback           integer
);

create index chat_stat_started_idx on chat_stat (started_at);

-- "Same counsellor next time": only hashes of the code and of the session that took it.
create table continuation_code (
    code_hash    varchar(64) primary key,
    counsellor   varchar(80) not null,
    session_hash varchar(64) not null,
    expires_at   timestamp   not null
);

create table blocked_session (
    session_hash varchar(64) primary key,
    expires_at   timestamp   not null
);
