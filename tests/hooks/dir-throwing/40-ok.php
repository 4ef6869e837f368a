<?php
/* Test 609: a good hook file after the failing ones. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

add_hook('ContactAdd', 1, function ($vars) {
	$GLOBALS['la_ran'][] = '40-ok';
});
