<?php
/* Test 608: a hook file with a parse error; nothing in it may run. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

$GLOBALS['la_includes'][basename(__FILE__)] = ($GLOBALS['la_includes'][basename(__FILE__)] ?? 0) + 1;

add_hook('ContactAdd', 1, function ($vars) {
	$GLOBALS['la_ran'][] = 'broken';
}
