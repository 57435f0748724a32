-- Catalogue: statutory services in every municipality, areas below municipality level (bydeler), the duty to inform
-- barnevern as its own field, an end date that hides a service, and the date of the source an entry rests on.

alter table help_service add column coverage varchar(30) default 'LISTED' not null;
alter table help_service add column local_access varchar(1000);
alter table help_service add column duty_to_inform_barnevern boolean;
alter table help_service add column end_date date;
alter table help_service add column source_date date;

create table service_district (
    service_id varchar(80)  not null references help_service (id) on delete cascade,
    district   varchar(100) not null,
    primary key (service_id, district)
);
