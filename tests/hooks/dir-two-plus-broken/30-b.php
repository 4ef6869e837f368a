<?php
/* Test 608: a good hook file, loaded after the broken one. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

$GLOBALS['la_includes'][basename(__FILE__)] = ($GLOBALS['la_includes'][basename(__FILE__)] ?? 0) + 1;

add_hook('ContactAdd', 1, function ($vars) {
	$GLOBALS['la_ran'][] = 'b';
});
add_hook('LogActivity', 1, function ($vars) {
	$GLOBALS['la_ran'][] = 'b-log';
});
