-- localapi: sample data for the demo and the tests.
--   client 1   John Smith <john.smith@example.com>, Active (Jane Doe's account holder
--              in examples/add_contact.php)
--   admin 1    username "admin" (password "admin-demo-password", bcrypt; demo only)
--   setting    DefaultCountry = US
--   client 1's account for GetClientsDetails: custom fields, invoices, payments,
--              services, domains, quotes, tickets, an affiliate (at the end)
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

-- Client 1's account as GetClientsDetails shows it (examples/get-clients-details.php):
-- two client custom fields (a text field and a link), invoices in several statuses with
-- their payments, a hosting account, domains, quotes, tickets and an affiliate account.
-- Fixed ids, so loading again changes nothing.
INSERT INTO `tblcustomfields` (`id`, `type`, `relid`, `fieldname`, `fieldtype`, `sortorder`) VALUES
  (1, 'client', 0, 'Customer reference', 'text', 1),
  (2, 'client', 0, 'Website', 'link', 2)
ON DUPLICATE KEY UPDATE `type` = VALUES(`type`), `relid` = VALUES(`relid`), `fieldtype` = VALUES(`fieldtype`);
INSERT INTO `tblcustomfieldsvalues` (`id`, `fieldid`, `relid`, `value`) VALUES
  (1, 1, 1, 'EXH-0042'),
  (2, 2, 1, 'www.example.com')
ON DUPLICATE KEY UPDATE `value` = VALUES(`value`);
INSERT INTO `tblinvoices` (`id`, `userid`, `duedate`, `total`, `credit`, `status`) VALUES
  (1, 1, '2016-08-01', 120.00, 0.00, 'Paid'),
  (2, 1, '2016-09-01', 120.00, 10.00, 'Paid'),
  (3, 1, '2016-10-01', 120.00, 0.00, 'Unpaid'),
  (4, 1, '2099-11-01', 35.50, 0.00, 'Unpaid'),
  (5, 1, '2016-07-01', 15.00, 0.00, 'Cancelled'),
  (6, 1, '2099-12-01', 9.99, 0.00, 'Draft')
ON DUPLICATE KEY UPDATE `userid` = VALUES(`userid`), `total` = VALUES(`total`), `status` = VALUES(`status`);
INSERT INTO `tblaccounts` (`id`, `userid`, `invoiceid`, `amountin`, `fees`, `amountout`) VALUES
  (1, 1, 1, 120.00, 3.78, 0.00),
  (2, 1, 2, 110.00, 3.49, 0.00),
  (3, 1, 3, 20.00, 0.88, 0.00)
ON DUPLICATE KEY UPDATE `amountin` = VALUES(`amountin`), `fees` = VALUES(`fees`);
INSERT INTO `tblproducts` (`id`, `type`, `name`) VALUES
  (1, 'hostingaccount', 'Starter Hosting'),
  (2, 'server', 'Dedicated Server')
ON DUPLICATE KEY UPDATE `type` = VALUES(`type`);
INSERT INTO `tblhosting` (`id`, `userid`, `packageid`, `domain`, `domainstatus`) VALUES
  (1, 1, 1, 'example.com', 'Active'),
  (2, 1, 2, 'srv1.example.com', 'Terminated')
ON DUPLICATE KEY UPDATE `domainstatus` = VALUES(`domainstatus`);
INSERT INTO `tbldomains` (`id`, `userid`, `domain`, `status`) VALUES
  (1, 1, 'example.com', 'Active'),
  (2, 1, 'example.org', 'Expired')
ON DUPLICATE KEY UPDATE `status` = VALUES(`status`);
INSERT INTO `tblquotes` (`id`, `userid`, `subject`, `stage`) VALUES
  (1, 1, 'Second server', 'Accepted'),
  (2, 1, 'Managed backups', 'Delivered')
ON DUPLICATE KEY UPDATE `stage` = VALUES(`stage`);
INSERT INTO `tbltickets` (`id`, `userid`, `title`, `status`, `merged_ticket_id`) VALUES
  (1, 1, 'Mail not arriving', 'Customer-Reply', 0),
  (2, 1, 'Renewal question', 'Closed', 0)
ON DUPLICATE KEY UPDATE `status` = VALUES(`status`);
INSERT INTO `tblaffiliates` (`id`, `clientid`) VALUES (1, 1)
ON DUPLICATE KEY UPDATE `clientid` = VALUES(`clientid`);
INSERT INTO `tblaffiliatesaccounts` (`id`, `affiliateid`, `relid`) VALUES (1, 1, 0)
ON DUPLICATE KEY UPDATE `affiliateid` = VALUES(`affiliateid`);
-- Its last login as 7.x keeps it (8.x keeps it per user: schema.sql's sample user).
UPDATE `tblclients` SET `lastlogin` = '2016-10-03 10:26:59', `ip` = '192.0.2.10', `host` = 'host10.example.net'
WHERE `id` = 1;
