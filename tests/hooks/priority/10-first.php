<?php
/* Test 603: registers at priorities that also occur in 20-second.php and in the test script. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

add_hook('ContactAdd', 5, function ($vars) {
	$GLOBALS['la_order'][] = 'f1-5a';
});
add_hook('ContactAdd', -2, function ($vars) {
	$GLOBALS['la_order'][] = 'f1--2';
	return false;
});
add_hook('ContactAdd', 5, function ($vars) {
	$GLOBALS['la_order'][] = 'f1-5b';
});
add_hook('contactadd', -100, function ($vars) {
	$GLOBALS['la_order'][] = 'f1-lowercase';
});
