/*
 * UpdateContact's locking read and UPDATE (update_contact.c), in a header of
 * their own so that the benchmark's C floor (bench/limit.c) runs the very
 * same texts. Plain C.
 */
#ifndef LOCALAPI_UPDATE_CONTACT_SQL_H
#define LOCALAPI_UPDATE_CONTACT_SQL_H

/* The columns UpdateContact may write, in the UPDATE's order. */
#define LA_COLUMN_LIST(X) \
	X("firstname") X("lastname") X("companyname") X("email") X("address1") X("address2") \
	X("city") X("state") X("postcode") X("country") X("phonenumber") \
	X("generalemails") X("productemails") X("domainemails") X("invoiceemails") X("supportemails") \
	X("affiliateemails") X("subaccount") X("password") X("permissions")

#define LA_SELECTED(c) ", " c
static const char la_sql_row[] =
	"SELECT userid" LA_COLUMN_LIST(LA_SELECTED) " FROM tblcontacts WHERE id = ? FOR UPDATE";

/* A column bound NULL keeps what the server holds. */
#define LA_SET(c) c " = COALESCE(?, " c "), "
static const char la_sql_update[] =
	"UPDATE tblcontacts SET " LA_COLUMN_LIST(LA_SET) "updated_at = NOW() WHERE id = ?";

#endif /* LOCALAPI_UPDATE_CONTACT_SQL_H */
