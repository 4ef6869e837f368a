/*
 * The commands, one file each, and the table that names them (commands.c).
 * A command is its rules: the link, the retries, the COMMIT and the answers
 * come from the command layer (command/command.h).
 */
#ifndef LOCALAPI_COMMANDS_H
#define LOCALAPI_COMMANDS_H

#include "command/command.h"

/* commands.c: the command table. */
php_localapi_command_handler php_localapi_command_find(const zend_string *name);
void php_localapi_commands_info(void);

/* add_contact.c */
void php_localapi_add_contact_module_init(void);
void php_localapi_cmd_addcontact(HashTable *post_data, const php_localapi_admin *admin, zval *return_value);
/* A sub-account's bcrypt hash ($2y$10$...) of the decoded password2; NULL when it cannot be made. */
zend_string *php_localapi_password_hash(la_str plain);

/* get_contacts.c */
void php_localapi_cmd_getcontacts(HashTable *post_data, const php_localapi_admin *admin, zval *return_value);

/* update_contact.c */
void php_localapi_cmd_updatecontact(HashTable *post_data, const php_localapi_admin *admin, zval *return_value);

#endif /* LOCALAPI_COMMANDS_H */
