/*
 * GetContacts' statements (get_contacts.c), in a header of their own so that
 * the benchmark's C floor (bench/limit.c) runs the very same texts. Plain C.
 */
#ifndef LOCALAPI_GET_CONTACTS_SQL_H
#define LOCALAPI_GET_CONTACTS_SQL_H

#define LA_TEXT_WHERE(column) " AND (? IS NULL OR " column " = ?)"

/* The conditions after userid's. */
#define LA_WHERE_REST \
	LA_TEXT_WHERE("firstname") LA_TEXT_WHERE("lastname") LA_TEXT_WHERE("companyname") \
	LA_TEXT_WHERE("email") LA_TEXT_WHERE("address1") LA_TEXT_WHERE("address2") \
	LA_TEXT_WHERE("city") LA_TEXT_WHERE("state") LA_TEXT_WHERE("postcode") \
	LA_TEXT_WHERE("country") LA_TEXT_WHERE("phonenumber") \
	" AND (? = 0 OR subaccount = 1)"

#define LA_WHERE " WHERE (? IS NULL OR userid = ?)" LA_WHERE_REST
/* With a userid given: a plain equality, so that the server reads by the userid index (a
 * condition "? IS NULL OR userid = ?" keeps it from that in a statement with a window). Its
 * parameters are LA_WHERE's without the first. */
#define LA_WHERE_USERID " WHERE userid = ?" LA_WHERE_REST

/* c.*: every column, in the table's own order, whatever the layout; the count of every row
 * that matches comes last, beside each row of the page (php_localapi_db_rows_alone()). The
 * window runs over the ids alone, the rows are joined to the page afterwards: a window over
 * SELECT * would copy every column (TEXT ones too) of every match into a temporary table,
 * which costs the server three times the count and the page together. */
#define LA_COUNTED(where) \
	"SELECT c.*, t.total FROM (SELECT id, COUNT(*) OVER () AS total FROM tblcontacts" where \
	" ORDER BY id LIMIT ?, ?) t JOIN tblcontacts c ON c.id = t.id ORDER BY c.id"
static const char la_sql_counted[] = LA_COUNTED(LA_WHERE);
static const char la_sql_counted_userid[] = LA_COUNTED(LA_WHERE_USERID);

/* An empty page past the first row: the count and the page from one snapshot. */
static const char la_sql_count[] = "SELECT COUNT(*) AS total FROM tblcontacts" LA_WHERE;
static const char la_sql_page[] = "SELECT * FROM tblcontacts" LA_WHERE " ORDER BY id LIMIT ?, ?";

#endif /* LOCALAPI_GET_CONTACTS_SQL_H */
