<?php
/* Test 730: a hook file that throws on line 5 while it loads. */
$ready = false;
if (!$ready) {
	throw new LogicException('la-test 730: not configured');
}
