-- The visitor's session (DataFast's datafast_session_id), attributed like the visitor: stored, returned by GET.
alter table payment add column session_id varchar(128);
