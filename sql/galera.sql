-- localapi on a MariaDB Galera cluster: the two tables of the extension's own.
--
-- Galera certifies a transaction by the rows it writes, not by the rows it
-- read, so the duplicate-email rule for sub-accounts (no sub-account may take
-- an email a client or another sub-account has) cannot rely on locking reads
-- across nodes. Every sub-account the extension adds on a Galera node also
-- writes the row of this table keyed by its email (as utf8_unicode_ci
-- compares it: case, accents and trailing spaces ignored), so two calls on
-- two nodes for the same new email write the same row and the cluster lets
-- only one of them commit; the other is retried and then finds the first
-- one's sub-account. The table only makes such calls collide: the rule
-- itself is still checked against tblclients and tblcontacts.
--
-- A delete leaves no row to read back after its COMMIT, and on a Galera node
-- a COMMIT can answer OK for a transaction the cluster aborted. DeleteContact
-- with a ContactDelete hook (whose log row is written after the hook, so not
-- in the delete's transaction) therefore also writes a row of
-- mod_localapi_write_marks keyed by 16 random bytes of its own, and reads it
-- back after COMMIT: there if and only if the delete committed. One row per
-- such call; rows older than a minute are never read again and may be
-- deleted at any time.
--
-- The extension creates the tables itself the first time it needs them (its
-- database user needs the CREATE privilege for that, as WHMCS's own user has).
-- Without that privilege, create them once with:
--   mariadb whmcs < sql/galera.sql
-- WHMCS's own tables are never changed.

CREATE TABLE IF NOT EXISTS `mod_localapi_email_claims` (
  `email_key` binary(32) NOT NULL COMMENT 'SHA-256 of the email''s utf8mb4_unicode_ci weight string',
  `claims` bigint(20) unsigned NOT NULL DEFAULT 1 COMMENT 'sub-accounts added for this email, counted up so that every claim writes the row',
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (`email_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS `mod_localapi_write_marks` (
  `mark` binary(16) NOT NULL COMMENT 'random key written by one transaction, read back to tell that it committed',
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  PRIMARY KEY (`mark`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
