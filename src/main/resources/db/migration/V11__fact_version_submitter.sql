-- Who sent a version to review (staff id); the version history shows who wrote, submitted and approved each one.
alter table fact_version add column submitted_by varchar(120);
