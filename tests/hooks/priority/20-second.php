<?php
/* Test 603: registers at priorities that also occur in 10-first.php and in the test script. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

add_hook('ContactAdd', 5, function ($vars) {
	$GLOBALS['la_order'][] = 'f2-5';
	return ['result' => 'error', 'message' => 'ignored'];
});
add_hook('ContactAdd', 1, function ($vars) {
	$GLOBALS['la_order'][] = 'f2-1';
});
add_hook('LogActivity', 5, function ($vars) {
	$GLOBALS['la_log_order'][] = 'f2-5';
});
