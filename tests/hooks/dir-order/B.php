<?php
/* Test 610: records when it is loaded and when its hook runs. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

$GLOBALS['la_loaded'][] = basename(__FILE__);

add_hook('ContactAdd', 0, function ($vars) {
	$GLOBALS['la_ran'][] = basename(__FILE__);
});
