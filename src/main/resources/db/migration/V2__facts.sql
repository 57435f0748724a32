-- Fact pages with editorial versions, and counsellors' canned responses.

create table fact_page (
    id           varchar(100) primary key,
    slug         varchar(80)  not null,
    lang         varchar(5)   not null,
    origin       varchar(20)  not null,
    content_hash varchar(64),
    created_at   timestamp    not null,
    constraint fact_page_slug_lang unique (slug, lang)
);

create table fact_version (
    id            varchar(120)   primary key,
    page_id       varchar(100)   not null references fact_page (id) on delete cascade,
    version       integer        not null,
    status        varchar(20)    not null,
    title         varchar(200)   not null,
    summary       varchar(1000)  not null,
    kind          varchar(20)    not null,
    substances    varchar(1000)  not null,
    topics        varchar(1000)  not null,
    audience      varchar(40)    not null,
    sources       varchar(20000) not null,
    last_reviewed date           not null,
    reviewer      varchar(120),
    expires_at    timestamp,
    body          varchar(200000) not null,
    author        varchar(120)   not null,
    created_at    timestamp      not null,
    submitted_at  timestamp,
    approver      varchar(120),
    published_at  timestamp,
    note          varchar(1000),
    constraint fact_version_page_version unique (page_id, version)
);

create index fact_version_status_idx on fact_version (status);

create table canned_response (
    id           varchar(80)   primary key,
    lang         varchar(5)    not null,
    title        varchar(200)  not null,
    response_text varchar(4000) not null,
    topics       varchar(1000) not null,
    origin       varchar(20)   not null,
    content_hash varchar(64),
    active       boolean       not null,
    updated_at   timestamp     not null,
    updated_by   varchar(120)
);
