<?php
/* Test 610: not a hook file (wrong name, or inside a sub-folder): must never be loaded. */
$GLOBALS['la_loaded'][] = 'NOT A HOOK FILE: ' . __FILE__;
add_hook('ContactAdd', 0, function ($vars) {
	$GLOBALS['la_ran'][] = 'NOT A HOOK FILE: ' . __FILE__;
});
