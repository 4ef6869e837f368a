<?php
/* Test 730: callbacks that fail, each defined on a known line. */
if (!defined("WHMCS")) {
	die("This file cannot be accessed directly");
}

function la_730_fail(string $what): void
{
	throw new RuntimeException("la-test 730: $what");
}

add_hook('ContactAdd', 1, function ($vars) {
	la_730_fail('closure');
});

function la_730_named($vars)
{
	la_730_no_such_function();
}
add_hook('ContactAdd', 2, 'la_730_named');

class La730Hooks
{
	public function method($vars)
	{
		la_730_fail('method');
	}
}
add_hook('ContactAdd', 3, [new La730Hooks(), 'method']);
add_hook('ContactAdd', 4, 'intdiv');
add_hook('ContactAdd', 5, fn ($vars) => la_730_fail('arrow function'));
add_hook('ContactAdd', 6, function ($vars) {
	$GLOBALS['la_730_ran'] = true;
});
