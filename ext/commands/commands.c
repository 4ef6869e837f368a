/*
 * The command table: each command named once, as WHMCS spells it. localAPI()
 * finds a command here case-insensitively; phpinfo() lists them from here.
 */
#include "commands/commands.h"

#include "ext/standard/info.h"
#include "zend_smart_str.h"

typedef struct {
	const char *name;
	size_t name_len;
	php_localapi_command_handler handler;
} la_command;

/* Adding a command: one line here and one file in this folder with its handler. */
static const la_command la_commands[] = {
	{ ZEND_STRL("AddContact"), php_localapi_cmd_addcontact },
	{ ZEND_STRL("GetContacts"), php_localapi_cmd_getcontacts },
	{ ZEND_STRL("UpdateContact"), php_localapi_cmd_updatecontact },
};

php_localapi_command_handler php_localapi_command_find(const zend_string *name)
{
	for (size_t i = 0; i < sizeof(la_commands) / sizeof(la_commands[0]); i++) {
		const la_command *cmd = &la_commands[i];
		if (zend_binary_strcasecmp(cmd->name, cmd->name_len, ZSTR_VAL(name), ZSTR_LEN(name)) == 0) {
			return cmd->handler;
		}
	}
	return NULL;
}

/* The "Commands" row of phpinfo(): the names as WHMCS spells them. */
void php_localapi_commands_info(void)
{
	smart_str names = {0};

	for (size_t i = 0; i < sizeof(la_commands) / sizeof(la_commands[0]); i++) {
		if (i > 0) {
			smart_str_appends(&names, ", ");
		}
		smart_str_appendl(&names, la_commands[i].name, la_commands[i].name_len);
	}
	smart_str_0(&names);
	php_info_print_table_row(2, "Commands", names.s ? ZSTR_VAL(names.s) : "");
	smart_str_free(&names);
}
