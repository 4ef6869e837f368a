/*
 * The command layer: what every command runs through. The caller (admin.c),
 * the answers (answer.c), postData to a record (postdata.c), the retries
 * (retry.c), the checked COMMIT (outcome.c), the duplicate-email claim
 * (email_claim.c), the activity log (activity_log.c) and the hooks (hooks.c).
 * A command file includes this header, its own folder's, and nothing of the
 * database layer's internals.
 */
#ifndef LOCALAPI_COMMAND_H
#define LOCALAPI_COMMAND_H

#include "localapi_private.h"
#include "core/contact.h"
#include "db/db.h"

/* The caller of a command: an admin row, or nobody (id 0). */
typedef struct php_localapi_admin_s {
	zend_long id;
	zend_string *username;   /* NULL when no admin */
} php_localapi_admin;

/* admin.c */
bool php_localapi_admin_find(zend_string *name, zend_long number, bool is_null, php_localapi_admin *admin,
	zval *return_value);

typedef void (*php_localapi_command_handler)(HashTable *post_data, const php_localapi_admin *admin, zval *return_value);

/* answer.c: every answer with result => error is built here. */
void php_localapi_error_str(zval *return_value, zend_string *message);
void php_localapi_error(zval *return_value, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
void php_localapi_db_error_result(zval *return_value, const php_localapi_db_error *err);

/* postdata.c: postData values → normalised strings and the contact record. */
typedef struct {
	la_contact record;
	zend_string *value[LA_F_COUNT];  /* owners of record.field[] */
	bool clientid_given;
} php_localapi_contact_input;

/* The fields every WHMCS version stores (clientid, firstname ... tax_id, email flags). */
bool php_localapi_contact_from_post(php_localapi_contact_input *in, HashTable *post, zval *return_value);
/* password2 and permissions, which only 7.x stores: checked for 7, only tested for truthiness
 * for 8 (true in *requested when either counts as given). */
bool php_localapi_contact_legacy_from_post(php_localapi_contact_input *in, HashTable *post, int behaviour,
	bool *requested, zval *return_value);
void php_localapi_contact_input_free(php_localapi_contact_input *in);
/* GetContacts' input: whole numbers (behaviour §10; *given false when falsy) and filters
 * (*out NULL when falsy), each checked as §7 says before any database is asked. */
bool php_localapi_post_whole_number(HashTable *post, const char *name, uint64_t *number, bool *given,
	zval *as_given, zval *return_value);
bool php_localapi_post_filter(HashTable *post, la_field f, zend_string **out, zval *return_value);
/* The id of a row (contactid): §7's clientid rule, *id 0 when malformed or not given;
 * as_given (IS_UNDEF when not given) receives the normalised value as the caller gave it. */
bool php_localapi_post_row_id(HashTable *post, const char *name, int32_t *id, zval *as_given, zval *return_value);
/* PHP truthiness of a postData value after normalisation (behaviour §2, §7). */
bool php_localapi_post_truthy(zval *value);
/* Every string of value (arrays included) is UTF-8; else answers "Invalid UTF-8 in <name>...". */
bool php_localapi_post_utf8(zval *value, const char *name, zval *return_value);
/* A value's stored form (behaviour §2): `&nbsp;` to a space, HTML entities decoded, then
 * htmlspecialchars(ENT_QUOTES), PHP's HTML 4.01 table, UTF-8. */
zend_string *php_localapi_html_normalize(zend_string *in);

/* UpdateContact's input: one given stored value of a field (§7's checks in their order,
 * normalised; password2 decoded), and the permission names of a value. */
bool php_localapi_post_stored_value(zval *value, la_field f, zend_string **out, zval *return_value);
bool php_localapi_post_permissions_known(zend_string *names, zval *return_value);

/* retry.c: whether and when a failed transaction is tried again. */
typedef struct {
	double deadline;         /* monotonic seconds; 0 until the first failure */
	unsigned int attempts;
} php_localapi_retry;

void php_localapi_retry_init(php_localapi_retry *retry);
bool php_localapi_retry_worth(const php_localapi_db_error *err);
bool php_localapi_retry_wait(php_localapi_retry *retry, const php_localapi_db_error *err);

/* outcome.c: COMMIT, and what became of a transaction whose COMMIT failed. */
typedef enum {
	PHP_LOCALAPI_COMMITTED,
	PHP_LOCALAPI_NOT_COMMITTED,      /* err says why; php_localapi_retry_worth() decides */
	PHP_LOCALAPI_OUTCOME_UNKNOWN     /* err is the COMMIT's error */
} php_localapi_outcome;

/* Looks for what the transaction wrote; causal: the server is a Galera node, read
 * with wsrep_sync_wait so that every commit the cluster made so far is seen. */
typedef bool (*php_localapi_lookup)(la_link *link, void *context, bool causal, bool *found,
	php_localapi_db_error *err);

void php_localapi_rolled_back_underneath(php_localapi_db_error *err);
/* row: read back on a Galera node, on this connection, in the COMMIT's round trip; lookup:
 * looks for the same row from a new connection, after a COMMIT that failed or went unanswered. */
php_localapi_outcome php_localapi_commit_checked(la_link *link, const php_localapi_row_ref *row,
	php_localapi_lookup lookup, void *context, php_localapi_db_error *err);

/* command.c: the link of the settings in force and what its database says about WHMCS;
 * NULL after answering with the error. */
la_link *php_localapi_command_connect(const php_localapi_whmcs **whmcs, zval *return_value);
/* Ends the call's transaction on the link, if it has one. */
void php_localapi_command_end(la_link *link);

/* email_claim.c: the duplicate-email rule across the nodes of a Galera cluster. */
bool php_localapi_email_claim(la_link *link, const char *email, size_t len, php_localapi_db_error *err);
bool php_localapi_email_claims_repair(la_link *link, php_localapi_db_error *err);

/* write_mark.c: a row of the extension's own that a write removing its row writes on a Galera
 * node, to read back after COMMIT: 32 hex digits of 16 random bytes. */
#define PHP_LOCALAPI_MARK_LEN 32
bool php_localapi_write_mark(la_link *link, char mark[PHP_LOCALAPI_MARK_LEN + 1], php_localapi_db_error *err);
bool php_localapi_write_mark_found(la_link *link, const char *mark, bool causal, bool *found,
	php_localapi_db_error *err);
bool php_localapi_write_marks_repair(la_link *link, php_localapi_db_error *err);

/* activity_log.c: one tblactivitylog row, as AddContact and logActivity() write it. */
typedef struct {
	zend_string *description;
	const char *user;
	size_t user_len;
	long long userid;
	long long admin_id;
	zend_string *ipaddr;
	long long id;            /* given by the INSERT */
} php_localapi_log_row;

zend_string *php_localapi_request_ipaddr(void);
/* A row by the admin of the call (NULL outside a call: "System"); the description is the caller's. */
void php_localapi_log_row_init(php_localapi_log_row *row, zend_string *description, long long userid,
	const php_localapi_admin *admin);
bool php_localapi_log_insert(la_link *link, const php_localapi_whmcs *layout, php_localapi_log_row *row,
	const php_localapi_row_ref *guard, php_localapi_db_error *err);
bool php_localapi_log_write(la_link *link, const php_localapi_whmcs *layout, php_localapi_log_row *row,
	php_localapi_db_error *err);
void php_localapi_log_fire(const php_localapi_log_row *row);

/* write.c: one write of a command, every write command's way through a transaction.
 * The command gives its statements and how to tell that its write is there; the
 * write layer takes care of the rest: the activity-log row written with it, the
 * retries (within the budget, on the next host of a list), the checked COMMIT and,
 * after a COMMIT that failed, the lookup; with a hook on the hook point, the write
 * commits first, the hook runs, then the log row commits (behaviour §7). */
typedef enum {
	PHP_LOCALAPI_WRITE_DONE,       /* statements: ready for COMMIT; the write: committed */
	PHP_LOCALAPI_WRITE_REFUSED,    /* the statements found the write not to be made (the command knows why) */
	PHP_LOCALAPI_WRITE_FAILED,     /* err says why */
	PHP_LOCALAPI_WRITE_UNKNOWN     /* the COMMIT failed and nobody could tell whether it happened */
} php_localapi_write_status;

typedef struct php_localapi_write_s php_localapi_write;

/* What a write command is to the write layer: one static const per command. */
typedef struct {
	/* One attempt's statements in a transaction of their own; DONE with write->row.id set. */
	php_localapi_write_status (*statements)(la_link *link, php_localapi_write *write, php_localapi_db_error *err);
	/* Whether the written row is there, from a new connection (context: the write). */
	php_localapi_lookup committed;
	/* The description of the log row written with it, made for each attempt's row. */
	zend_string *(*describe)(const php_localapi_write *write);
	/* The hook point fired once the write is committed (NULL: none), and its variables. */
	const char *hook;
	size_t hook_len;
	void (*hook_vars)(la_link *link, php_localapi_write *write, zval *vars);
	/* The answers: success, and a refusal's error. */
	void (*success)(const php_localapi_write *write, zval *return_value);
	void (*refused)(const php_localapi_write *write, zval *return_value);
	/* "the contact may have been added", for an outcome nobody can tell; "Contact", "added"
	 * for the warning when the log row of a hooked write could not be written. */
	const char *unknown;
	const char *noun;
	const char *done;
	/* The table of the written row. */
	const char *table;
	/* Reading the written row back cannot show that this transaction committed: a delete
	 * leaves no row, an updated row is there either way. On a Galera node the statements
	 * start with a savepoint (php_localapi_db_savepoint()) and the COMMIT reads back the
	 * log row written with it, or without one a mark (write_mark.c). */
	bool no_read_back;
} php_localapi_write_spec;

/* One write in progress; a command's own state follows it (the write first in its struct). */
struct php_localapi_write_s {
	const php_localapi_write_spec *spec;
	/* The activity-log row written with it, or NULL. */
	php_localapi_log_row *log;
	/* This call's copy of the layout: a reconnect forgets the link's. */
	php_localapi_whmcs layout;
	/* What the statements wrote, read back after a COMMIT on a Galera node. */
	php_localapi_row_ref row;
	/* The last attempt wrote the log row in the write's own transaction. */
	bool log_with_write;
	/* The mark the last attempt wrote (write_mark.c), "" when none. */
	char mark[PHP_LOCALAPI_MARK_LEN + 1];
};

/* A write of spec for rows of the client userid, logged in log (NULL: not logged). */
void php_localapi_write_init(php_localapi_write *write, const php_localapi_write_spec *spec,
	const php_localapi_whmcs *layout, long long userid, php_localapi_log_row *log);

/* The write, retried and committed, without the hook and the log row. */
php_localapi_write_status php_localapi_write_commit(la_link *link, php_localapi_write *write,
	php_localapi_db_error *err);
/* The whole write (log row, hook, LogActivity) and localAPI()'s answer for it. */
void php_localapi_write_run(la_link *link, php_localapi_write *write, zval *return_value);
/* After a failed attempt: creates the extension's own table when its absence is why
 * (email_claim.c's and write_mark.c's repairs); false when it was not, or could not be. */
bool php_localapi_own_table_repair(la_link *link, const char *table, const char *create,
	php_localapi_db_error *err);

/* hooks.c */
bool php_localapi_hooks_has(const char *hook_point, size_t len);
void php_localapi_hooks_run(const char *hook_point, size_t len, zval *vars);
void php_localapi_hooks_run_returns(const char *hook_point, size_t len, zval *vars, zval *kept);
void php_localapi_hooks_request_end(void);

#endif /* LOCALAPI_COMMAND_H */
