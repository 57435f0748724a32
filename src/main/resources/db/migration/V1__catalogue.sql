-- Help-services catalogue: a Norwegian youth profile of Open Referral HSDS 3.0.
-- Written in the SQL subset shared by H2 (MODE=PostgreSQL) and PostgreSQL.

create table organization (
    id          varchar(80)   primary key,
    name        varchar(200)  not null,
    description varchar(4000),
    website     varchar(500),
    email       varchar(200)
);

create table help_service (
    id                            varchar(80)   primary key,
    organization_id               varchar(80)   not null references organization (id),
    name                          varchar(200)  not null,
    alternate_name                varchar(200),
    description                   varchar(4000) not null,
    url                           varchar(500),
    status                        varchar(20)   not null,
    national                      boolean       not null,
    min_age                       integer,
    max_age                       integer,
    eligibility_description       varchar(1000),
    cost                          varchar(500),
    anonymous                     varchar(20)   not null,
    referral_required             boolean,
    referral_description          varchar(1000),
    drop_in                       boolean,
    accepts_contact_about_others  boolean,
    for_relatives                 boolean,
    sober_required                boolean,
    track                         varchar(30)   not null,
    what_happens                  varchar(4000) not null,
    hours_description             varchar(500),
    last_verified                 date,
    source                        varchar(1000),
    origin                        varchar(20)   not null,
    content_hash                  varchar(64),
    updated_at                    timestamp     not null,
    updated_by                    varchar(80)
);

create table service_area (
    service_id   varchar(80)  not null references help_service (id) on delete cascade,
    municipality varchar(100) not null,
    primary key (service_id, municipality)
);

create table service_topic (
    service_id varchar(80) not null references help_service (id) on delete cascade,
    topic      varchar(60) not null,
    primary key (service_id, topic)
);

create table service_language (
    service_id varchar(80) not null references help_service (id) on delete cascade,
    language   varchar(10) not null,
    primary key (service_id, language)
);

create table service_channel (
    service_id    varchar(80)  not null references help_service (id) on delete cascade,
    idx           integer      not null,
    channel_type  varchar(20)  not null,
    channel_value varchar(500) not null,
    description   varchar(500),
    primary key (service_id, idx)
);

create table location (
    id           varchar(80)  primary key,
    name         varchar(200) not null,
    address      varchar(300),
    postal_code  varchar(10),
    municipality varchar(100) not null,
    latitude     double precision,
    longitude    double precision
);

create table service_at_location (
    service_id  varchar(80) not null references help_service (id) on delete cascade,
    location_id varchar(80) not null references location (id),
    primary key (service_id, location_id)
);

create table schedule (
    service_id       varchar(80)  not null references help_service (id) on delete cascade,
    idx              integer      not null,
    byday            varchar(40)  not null,
    opens_at         time         not null,
    closes_at        time         not null,
    valid_from       date,
    valid_to         date,
    open_on_holidays boolean      not null,
    description      varchar(500),
    primary key (service_id, idx)
);

create table schedule_exception (
    service_id     varchar(80)  not null references help_service (id) on delete cascade,
    idx            integer      not null,
    exception_date date         not null,
    opens_at       time,
    closes_at      time,
    description    varchar(500),
    primary key (service_id, idx)
);

create index help_service_status_idx on help_service (status);
create index service_area_municipality_idx on service_area (municipality);
