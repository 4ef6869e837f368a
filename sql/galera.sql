-- localapi on a MariaDB Galera cluster: the one table of the extension's own.
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
-- The extension creates the table itself the first time it needs it (its
-- database user needs the CREATE privilege for that, as WHMCS's own user has).
-- Without that privilege, create it once with:
--   mariadb whmcs < sql/galera.sql
-- WHMCS's own tables are never changed.

CREATE TABLE IF NOT EXISTS `mod_localapi_email_claims` (
  `email_key` binary(32) NOT NULL COMMENT 'SHA-256 of the email''s utf8mb4_unicode_ci weight string',
  `claims` bigint(20) unsigned NOT NULL DEFAULT 1 COMMENT 'sub-accounts added for this email, counted up so that every claim writes the row',
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (`email_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
