/*
 * GetClientsDetails' statements (get_clients_details.c), in a header of their
 * own so that the benchmark's C floor (bench/limit.c) runs the very same
 * texts. Plain C.
 */
#ifndef LOCALAPI_GET_CLIENTS_DETAILS_SQL_H
#define LOCALAPI_GET_CLIENTS_DETAILS_SQL_H

/* SELECT *: every column the layout has (a 7.x before 7.10 has no email_preferences). */
static const char la_sql_client_by_id[] = "SELECT * FROM tblclients WHERE id = ?";
static const char la_sql_client_by_email[] = "SELECT * FROM tblclients WHERE email = ? ORDER BY id LIMIT 1";
/* The three settings in one round trip: each row's slot (LA_S_DROPDOWN, LA_S_DATEFORMAT, LA_S_MARKETING) by the
 * column's collation, as `setting = ?` compares; the first row of a slot in id order is the
 * setting's value. */
static const char la_sql_settings[] =
	"SELECT CASE WHEN setting = 'PhoneNumberDropdown' THEN 0 WHEN setting = 'DateFormat' THEN 1 ELSE 2 END AS slot,"
	" value FROM tblconfiguration"
	" WHERE setting IN ('PhoneNumberDropdown', 'DateFormat', 'MarketingEmailConvert') ORDER BY id";
static const char la_sql_currency[] =
	"SELECT id, code, prefix, suffix, format, rate FROM tblcurrencies WHERE id = ?";
static const char la_sql_currency_default[] =
	"SELECT id, code, prefix, suffix, format, rate FROM tblcurrencies WHERE `default` = 1 ORDER BY id LIMIT 1";
static const char la_sql_owner[] =
	"SELECT u.id, u.email_verified_at IS NOT NULL AS verified FROM tblusers_clients uc"
	" JOIN tblusers u ON u.id = uc.auth_user_id WHERE uc.client_id = ? AND uc.owner = 1 ORDER BY u.id LIMIT 1";
static const char la_sql_users[] =
	"SELECT u.id, u.first_name, u.last_name, u.email FROM tblusers u"
	" WHERE u.id IN (SELECT uc.auth_user_id FROM tblusers_clients uc WHERE uc.client_id = ?) ORDER BY u.id";
static const char la_sql_last_login[] =
	"SELECT CAST(uc.last_login AS CHAR) AS last_login, u.last_ip, u.last_hostname FROM tblusers_clients uc"
	" LEFT JOIN tblusers u ON u.id = uc.auth_user_id"
	" WHERE uc.client_id = ? AND uc.last_login IS NOT NULL AND uc.last_login <> '0000-00-00 00:00:00'"
	" ORDER BY uc.last_login DESC, uc.owner, uc.id LIMIT 1";
static const char la_sql_custom_fields[] =
	"SELECT f.id, f.fieldtype, (SELECT v.value FROM tblcustomfieldsvalues v"
	" WHERE v.fieldid = f.id AND v.relid = ? ORDER BY v.id LIMIT 1) AS value"
	" FROM tblcustomfields f WHERE f.type = 'client' AND f.relid = 0 ORDER BY f.sortorder, f.id";

/* Statistics (behaviour §11.9). Every sum is the server's exact DECIMAL arithmetic. */
#define LA_NOT_MASS_PAY(types) \
	" NOT EXISTS (SELECT 1 FROM tblinvoiceitems ii WHERE ii.invoiceid = i.id AND ii.userid = ?" \
	" AND ii.type IN (" types "))"
#define LA_SUM_OR_ZERO(expr) "COALESCE(SUM(" expr "), 0)"

/* No derived tables here: MariaDB 10.11 was seen to crash re-executing a prepared
 * statement that joined a grouped derived table. */
#define LA_BALANCE \
	"i.total - COALESCE((SELECT SUM(a.amountin) - SUM(a.amountout) FROM tblaccounts a WHERE a.invoiceid = i.id), 0)"
#define LA_OVERDUE "i.status = 'Unpaid' AND i.duedate < CURDATE()"
static const char la_sql_stats_due[] =
	"SELECT " LA_SUM_OR_ZERO("i.status = 'Unpaid'") " AS numdue,"
	" " LA_SUM_OR_ZERO("CASE WHEN i.status = 'Unpaid' THEN " LA_BALANCE " END") " AS duebalance,"
	" " LA_SUM_OR_ZERO(LA_OVERDUE) " AS numoverdue,"
	" " LA_SUM_OR_ZERO("CASE WHEN " LA_OVERDUE " THEN " LA_BALANCE " END") " AS overduebalance,"
	" " LA_SUM_OR_ZERO("i.status = 'Draft'") " AS numdraft,"
	" " LA_SUM_OR_ZERO("CASE WHEN i.status = 'Draft' THEN " LA_BALANCE " END") " AS draftbalance"
	" FROM tblinvoices i WHERE i.userid = ? AND" LA_NOT_MASS_PAY("'Invoice'");
static const char la_sql_stats_accounts[] =
	"SELECT " LA_SUM_OR_ZERO("amountin") " AS gross,"
	" " LA_SUM_OR_ZERO("fees") " + " LA_SUM_OR_ZERO("amountout") " AS expenses,"
	" " LA_SUM_OR_ZERO("amountin") " - " LA_SUM_OR_ZERO("fees") " - " LA_SUM_OR_ZERO("amountout") " AS income"
	" FROM tblaccounts WHERE userid = ?";
/* One row per status group (rows of one group compare equal under the collation, so the
 * slot is the same for each): which of the six named entries it is (0: another), its status
 * as its lowest invoice id spells it (in the same statement: no round trip per group), count
 * and sums; in the collation's order of status. */
static const char la_sql_stats_groups[] =
	"SELECT CASE WHEN i.status = 'Unpaid' THEN 1 WHEN i.status = 'Paid' THEN 2 WHEN i.status = 'Cancelled' THEN 3"
	" WHEN i.status = 'Refunded' THEN 4 WHEN i.status = 'Collections' THEN 5"
	" WHEN i.status = 'Payment Pending' THEN 6 ELSE 0 END AS slot,"
	" (SELECT s.status FROM tblinvoices s WHERE s.id = MIN(i.id)) AS status,"
	" COUNT(*) AS n, SUM(i.total) AS total, SUM(i.total) + SUM(i.credit) AS withcredit"
	" FROM tblinvoices i WHERE i.userid = ? AND" LA_NOT_MASS_PAY("'AddFunds', 'Invoice'")
	" GROUP BY i.status ORDER BY i.status";
#define LA_PRODUCTS(type) \
	" " LA_SUM_OR_ZERO("p.type = '" type "' AND h.domainstatus = 'Active'") "," \
	" " LA_SUM_OR_ZERO("p.type = '" type "'") ","
static const char la_sql_stats_products[] =
	"SELECT" LA_PRODUCTS("hostingaccount") LA_PRODUCTS("reselleraccount") LA_PRODUCTS("server")
	LA_PRODUCTS("other") " 0 AS unused"
	" FROM tblhosting h JOIN tblproducts p ON p.id = h.packageid WHERE h.userid = ?";
static const char la_sql_stats_counts[] =
	"SELECT (SELECT COUNT(*) FROM tbldomains WHERE userid = ? AND status = 'Active') AS activedomains,"
	" (SELECT COUNT(*) FROM tbldomains WHERE userid = ?) AS domains,"
	" (SELECT COUNT(*) FROM tblquotes WHERE userid = ? AND stage = 'Accepted') AS acceptedquotes,"
	" (SELECT COUNT(*) FROM tblquotes WHERE userid = ?) AS quotes,"
	" (SELECT COUNT(*) FROM tbltickets WHERE userid = ? AND merged_ticket_id = 0) AS tickets,"
	" (SELECT COUNT(*) FROM tbltickets t WHERE t.userid = ? AND t.merged_ticket_id = 0 AND EXISTS"
	" (SELECT 1 FROM tblticketstatuses ts WHERE ts.title = t.status AND ts.showactive = 1)) AS activetickets,"
	" (SELECT COUNT(*) FROM tblaffiliatesaccounts aa WHERE aa.affiliateid IN"
	" (SELECT af.id FROM tblaffiliates af WHERE af.clientid = ?)) AS signups,"
	" (SELECT COUNT(*) FROM tblaffiliates WHERE clientid = ?) AS affiliates";

#endif /* LOCALAPI_GET_CLIENTS_DETAILS_SQL_H */
