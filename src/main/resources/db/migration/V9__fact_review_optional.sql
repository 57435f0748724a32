-- A fact page is published before a professional has reviewed it; lastReviewed stays empty until then.
alter table fact_version alter column last_reviewed drop not null;
