-- localapi: sample data for the demo and the tests.
--   client 1   John Smith <john.smith@example.com>, Active (Jane Doe's account holder
--              in examples/add_contact.php)
--   admin 1    username "admin" (password "admin-demo-password", bcrypt; demo only)
--   setting    DefaultCountry = US
-- Safe to load again: it (re)sets these rows to the values below and adds nothing else.
-- Runs under the server's strict sql_mode: every NOT NULL column without a
-- default is given. Loaded into both layouts (schema.sql, schema-7.10.sql).

SET NAMES utf8mb4;

INSERT INTO `tblclients` (
  `id`, `uuid`, `firstname`, `lastname`, `companyname`, `email`,
  `address1`, `address2`, `city`, `state`, `postcode`, `country`, `phonenumber`,
  `tax_id`, `password`, `authmodule`, `authdata`, `currency`, `defaultgateway`,
  `credit`, `taxexempt`, `latefeeoveride`, `overideduenotices`, `separateinvoices`,
  `disableautocc`, `datecreated`, `notes`, `billingcid`, `securityqid`,
  `securityqans`, `groupid`, `cardtype`, `cardlastfour`, `cardnum`, `startdate`,
  `expdate`, `issuenumber`, `bankname`, `banktype`, `bankcode`, `bankacct`,
  `gatewayid`, `lastlogin`, `ip`, `host`, `status`, `language`, `pwresetkey`,
  `emailoptout`, `marketing_emails_opt_in`, `overrideautoclose`, `allow_sso`,
  `email_verified`, `email_preferences`, `created_at`, `updated_at`
) VALUES (
  1, '6f1c2a4e-5b0d-4c8e-9a7f-2d3b4c5d6e7f', 'John', 'Smith', 'Example Hosting Ltd',
  'john.smith@example.com',
  '123 Main Street', '', 'Springfield', 'IL', '62701', 'US', '+1.2175550100',
  '', '', '', '', 1, '',
  0.00, 0, 0, 0, 0,
  0, CURDATE(), '', 0, 0,
  '', 0, '', '', '', '',
  '', '', '', '', '', '',
  '', NULL, '', '', 'Active', '', '',
  0, 0, 0, 1,
  0, NULL, NOW(), NOW()
)
ON DUPLICATE KEY UPDATE
  `firstname` = VALUES(`firstname`),
  `lastname` = VALUES(`lastname`),
  `email` = VALUES(`email`),
  `status` = VALUES(`status`);

INSERT INTO `tbladmins` (
  `id`, `uuid`, `roleid`, `username`, `password`, `passwordhash`, `authmodule`,
  `authdata`, `firstname`, `lastname`, `email`, `signature`, `notes`, `template`,
  `language`, `disabled`, `loginattempts`, `supportdepts`, `ticketnotifications`,
  `homewidgets`, `password_reset_key`, `password_reset_data`, `hidden_widgets`,
  `widget_order`, `user_preferences`, `created_at`, `updated_at`
) VALUES (
  1, '0b6f3c8d-2e4a-4f1b-8c9d-7e6f5a4b3c2d', 1, 'admin',
  '$2y$10$mzB7CFZusCKsa41xQ8TcDuIS1WPP3wRnTQ8NAWw0CRAvnCUjMXNYq',
  '$2y$10$mzB7CFZusCKsa41xQ8TcDuIS1WPP3wRnTQ8NAWw0CRAvnCUjMXNYq', '',
  '', 'Demo', 'Administrator', 'admin@example.com', '', '', 'blend',
  'english', 0, 0, '', '',
  '', '', '', '',
  '', NULL, NOW(), NOW()
)
ON DUPLICATE KEY UPDATE
  `username` = VALUES(`username`),
  `roleid` = VALUES(`roleid`),
  `disabled` = VALUES(`disabled`);

-- tblconfiguration has no unique key (as in WHMCS): insert the setting
-- only when it is missing, then make every copy of it say US.
INSERT INTO `tblconfiguration` (`setting`, `value`, `created_at`, `updated_at`)
SELECT 'DefaultCountry', 'US', NOW(), NOW() FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM `tblconfiguration` WHERE `setting` = 'DefaultCountry');
UPDATE `tblconfiguration` SET `value` = 'US' WHERE `setting` = 'DefaultCountry' AND `value` <> 'US';
