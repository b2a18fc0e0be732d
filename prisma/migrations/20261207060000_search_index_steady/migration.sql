-- PostgreSQL only (its search index's fast update, off): nothing changes on SQLite.
SELECT 1;
