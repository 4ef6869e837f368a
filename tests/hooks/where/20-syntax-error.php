<?php
/* Test 730: a hook file with a syntax error on line 5. */
$GLOBALS['la_730_broken'] = true;

$value = ;
