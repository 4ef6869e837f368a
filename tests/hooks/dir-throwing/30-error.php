<?php
/* Test 609: a hook file that calls a function that does not exist (an Error). */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

la_undefined_function_609();
