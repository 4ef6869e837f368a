<?php
/* Test 614: counts its inclusions in the current request and registers one ContactAdd callback. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

$GLOBALS['la_includes'] = ($GLOBALS['la_includes'] ?? 0) + 1;

add_hook('ContactAdd', 2, function ($vars) {
	$GLOBALS['la_fired'][] = 'file';
});
