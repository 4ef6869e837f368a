<?php
/* Test 609: a good hook file. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

add_hook('ContactAdd', 1, function ($vars) {
	$GLOBALS['la_ran'][] = '10-ok';
});
