-- Runs before every migrate on PostgreSQL only (the postgres profile adds this location).
-- The migrations use the SQL standard's BLOB and CLOB, which H2 has and PostgreSQL lacks:
-- domains over bytea and text make the same migration files work on both.
do $$
begin
    if not exists (select 1 from pg_type where typname = 'blob') then
        create domain blob as bytea;
    end if;
    if not exists (select 1 from pg_type where typname = 'clob') then
        create domain clob as text;
    end if;
end
$$;
