-- Ending a staff member's tokens (deactivation, password change, "log out everywhere") raises the generation;
-- tokens carry the generation they were issued with, and older ones stop working.
alter table staff_account add column token_generation bigint default 0 not null;
