<?php
/*
 * Test 616: a hook file with top-level variables, as many real ones have
 * ($moduleName = ...; used by its closures). It records whether it can see a
 * variable of the code that called localAPI().
 */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

$GLOBALS['la_file_saw_caller'] = isset($marker) ? $marker : null;
$marker = 'set by the hook file';
$moduleName = 'la_scope_module';

add_hook('ContactAdd', 1, function ($vars) use ($moduleName) {
	$GLOBALS['la_fired'][] = $moduleName;
});
