<?php
/**
 * Test 611: a hook file in the styles WHMCS's documentation and third-party
 * modules use: the one-line guard, a namespace import, a named function given
 * by name (the pre-closure style), a closure with a doc comment, and hook
 * points localapi never fires (they must do no harm).
 *
 * @see https://developers.whmcs.com/hooks/getting-started/
 */

use WHMCS\View\Menu\Item as MenuItem;

if (!defined("WHMCS"))
	die("This file cannot be accessed directly");

function hook_la_contact_added($vars)
{
	echo "legacy ContactAdd: contact " . $vars['contactid'] . " of client " . $vars['userid'] . "\n";
}

add_hook("ContactAdd", 2, "hook_la_contact_added");

/**
 * Log every activity-log entry the API writes.
 *
 * @param array $vars description, user, userid, ipaddress
 */
add_hook('LogActivity', 1, function($vars) {
	echo "LogActivity: " . $vars['description'] . " by " . $vars['user'] . "\n";
});

add_hook('ClientAreaPrimaryNavbar', 1, function (MenuItem $primaryNavbar) {
	$primaryNavbar->addChild('never');
});

add_hook('AdminAreaHeadOutput', 1, function($vars) {
	return '<script>/* never */</script>';
});
