<?php
/* Test 610: the redirect stub every WHMCS folder ships; a hooks folder's index.php is not a hook file. */
$GLOBALS['la_loaded'][] = basename(__FILE__);
header("Location: ../../index.php");
