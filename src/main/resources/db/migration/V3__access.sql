-- Staff accounts (embedded default) and deleted youth sessions whose tokens must stop working.

create table staff_account (
    username      varchar(80)  primary key,
    password_hash varchar(100) not null,
    roles         varchar(200) not null,
    active        boolean      not null,
    created_at    timestamp    not null,
    created_by    varchar(80)
);

-- Only a hash of the random session id, kept until the session's last token would have expired anyway.
create table revoked_session (
    subject_hash varchar(64) primary key,
    expires_at   timestamp   not null
);
