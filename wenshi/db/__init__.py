"""Storage: peewee models over SQLite, the connection, and numbered migrations."""
