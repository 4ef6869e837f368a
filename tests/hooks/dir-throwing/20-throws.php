<?php
/* Test 609: a hook file that throws while it loads, before registering anything. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

throw new RuntimeException('la-test 609: cannot configure this hook');
