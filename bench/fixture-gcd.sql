-- The GetClientsDetails benchmark's client (bench/bench.php, scenarios gcd and gcd-stats),
-- loaded into the bench database after sql/sample.sql by bench/lib.sh: client 900 with
-- 5 client custom fields (sample.sql's 2, and 3 more here, each with a value), 20 invoices
-- in every named status (overdue, partly paid, draft ones among them) with their payments
-- and items, 5 services over the four product types, domains, a quote and tickets.
-- Fixed ids, far above sample.sql's. Never changed by a measurement (the command only reads).
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
  900, 'b3e1f0a2-7c4d-4e5f-8a9b-0c1d2e3f4a5b', 'Olivia', 'O&#039;Neill', 'Bench &amp; Sons Ltd',
  'olivia.oneill@bench.invalid',
  '10 Downing Street', 'Flat 2', 'London', 'London', 'sw1a2aa', 'GB', '+44.020 7946 0000',
  'GB123456789', '', '', '', 1, 'paypal',
  25.50, 0, 0, 0, 0,
  0, '2020-01-15', 'A bench client', 0, 0,
  '', 0, '', '', '', '',
  '', '', '', '', '', '',
  '', '2026-11-30 08:15:00', '198.51.100.7', 'host7.bench.invalid', 'Active', 'english', '',
  0, 1, 0, 1,
  1, '{"general":true,"invoice":true,"support":false,"product":true,"domain":true,"affiliate":false}', NOW(), NOW()
);
INSERT INTO `tblcustomfields` (`id`, `type`, `relid`, `fieldname`, `fieldtype`, `sortorder`) VALUES
  (901, 'client', 0, 'Tier', 'dropdown', 3),
  (902, 'client', 0, 'VAT reference', 'text', 4),
  (903, 'client', 0, 'Accepts newsletter', 'tickbox', 5);
INSERT INTO `tblcustomfieldsvalues` (`id`, `fieldid`, `relid`, `value`) VALUES
  (9001, 1, 900, 'BENCH-0900'),
  (9002, 2, 900, 'www.bench.invalid'),
  (9003, 901, 900, 'gold|Gold tier'),
  (9004, 902, 900, 'GB &amp; EU'),
  (9005, 903, 900, 'on');
INSERT INTO `tblinvoices` (`id`, `userid`, `duedate`, `total`, `credit`, `status`) VALUES
  (9001, 900, '2025-01-01', 120.00, 0.00, 'Paid'),
  (9002, 900, '2025-02-01', 120.00, 5.00, 'Paid'),
  (9003, 900, '2025-03-01', 120.00, 0.00, 'Paid'),
  (9004, 900, '2025-04-01', 35.50, 0.00, 'Paid'),
  (9005, 900, '2025-05-01', 35.50, 2.25, 'Paid'),
  (9006, 900, '2025-06-01', 9.99, 0.00, 'Paid'),
  (9007, 900, '2025-07-01', 9.99, 0.00, 'Paid'),
  (9008, 900, '2025-08-01', 250.00, 0.00, 'Paid'),
  (9009, 900, '2025-09-01', 120.00, 0.00, 'Unpaid'),
  (9010, 900, '2025-10-01', 120.00, 0.00, 'Unpaid'),
  (9011, 900, '2025-11-01', 35.50, 0.00, 'Unpaid'),
  (9012, 900, '2099-01-01', 35.50, 0.00, 'Unpaid'),
  (9013, 900, '2099-02-01', 9.99, 0.00, 'Unpaid'),
  (9014, 900, '2025-03-15', 15.00, 0.00, 'Cancelled'),
  (9015, 900, '2025-04-15', 15.00, 0.00, 'Cancelled'),
  (9016, 900, '2025-05-15', 60.00, 0.00, 'Refunded'),
  (9017, 900, '2025-06-15', 75.25, 0.00, 'Collections'),
  (9018, 900, '2025-07-15', 42.00, 0.00, 'Payment Pending'),
  (9019, 900, '2099-03-01', 12.00, 0.00, 'Draft'),
  (9020, 900, '2099-04-01', 18.00, 0.00, 'Draft');
INSERT INTO `tblinvoiceitems` (`id`, `invoiceid`, `userid`, `type`)
SELECT id, id, 900, 'Hosting' FROM `tblinvoices` WHERE `userid` = 900;
INSERT INTO `tblaccounts` (`id`, `userid`, `invoiceid`, `amountin`, `fees`, `amountout`) VALUES
  (9001, 900, 9001, 120.00, 3.78, 0.00),
  (9002, 900, 9002, 115.00, 3.64, 0.00),
  (9003, 900, 9003, 120.00, 3.78, 0.00),
  (9004, 900, 9004, 35.50, 1.33, 0.00),
  (9005, 900, 9005, 33.25, 1.26, 0.00),
  (9006, 900, 9006, 9.99, 0.59, 0.00),
  (9007, 900, 9007, 9.99, 0.59, 0.00),
  (9008, 900, 9008, 250.00, 7.55, 0.00),
  (9009, 900, 9009, 20.00, 0.88, 0.00),
  (9010, 900, 9016, 60.00, 2.04, 60.00);
INSERT INTO `tblproducts` (`id`, `type`, `name`) VALUES
  (901, 'reselleraccount', 'Reseller Gold'),
  (902, 'other', 'SSL Certificate');
INSERT INTO `tblhosting` (`id`, `userid`, `packageid`, `domain`, `domainstatus`) VALUES
  (9001, 900, 1, 'bench.invalid', 'Active'),
  (9002, 900, 1, 'shop.bench.invalid', 'Suspended'),
  (9003, 900, 2, 'srv.bench.invalid', 'Active'),
  (9004, 900, 901, 'resell.bench.invalid', 'Active'),
  (9005, 900, 902, 'www.bench.invalid', 'Terminated');
INSERT INTO `tbldomains` (`id`, `userid`, `domain`, `status`) VALUES
  (9001, 900, 'bench.invalid', 'Active'),
  (9002, 900, 'bench-old.invalid', 'Expired');
INSERT INTO `tblquotes` (`id`, `userid`, `subject`, `stage`) VALUES (9001, 900, 'More servers', 'Accepted');
INSERT INTO `tbltickets` (`id`, `userid`, `title`, `status`, `merged_ticket_id`) VALUES
  (9001, 900, 'Invoice question', 'Open', 0),
  (9002, 900, 'Old question', 'Closed', 0);
