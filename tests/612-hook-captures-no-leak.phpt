--TEST--
Hooks: callbacks that capture variables (by value, by reference, objects, $this, cycles) and callbacks that register hooks from inside a hook work and leak nothing (run under valgrind) (behaviour §5)
--DESCRIPTION--
Run with `scripts/test.sh --valgrind` for the leak check (the callbacks and
everything they capture must be freed at the end of the request); the plain
run checks the behaviour: captured values are seen, a by-reference capture sees
later changes, a closure bound to an object and one in a reference cycle with
its object run, callbacks registered for hook points that never fire are
harmless. A ContactAdd callback registers a LogActivity callback (it fires in
the same call, after the log row) and a ContactAdd callback (it fires in later
calls; whether it also fires in the call that registered it is not specified,
so it ignores that one).
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';
require_once __DIR__ . '/hooks.inc';

class LaCollector612
{
	public array $seen = [];
	public ?Closure $self = null;
	public function bound(): Closure
	{
		return function (array $vars) {
			$this->seen[] = 'bound ' . $vars['contactid'];
		};
	}
}

$seen = [];
$label = 'by-value';
$counter = 0;
$obj = new LaCollector612();
add_hook('ContactAdd', 1, function ($vars) use (&$seen, $obj, $label, &$counter) {
	$seen[] = "$label {$vars['contactid']} counter $counter";
	$obj->seen[] = 'captured ' . $vars['contactid'];
});
/* a cycle: $obj holds the closure that holds $obj */
$obj->self = function ($vars) use ($obj, &$seen) {
	$seen[] = 'cycle ' . $vars['contactid'];
};
add_hook('ContactAdd', 2, $obj->self);
add_hook('ContactAdd', 3, $obj->bound());
$big = str_repeat('x', 100000);
add_hook('LaNeverFires', 1, function ($vars) use ($big, $obj) {
	echo "never\n";
});
$nested = 0;
add_hook('ContactAdd', 4, function ($vars) use (&$seen, &$nested, $obj) {
	if ($nested++ > 0) {
		return;
	}
	$payload = ['contactid' => $vars['contactid'], 'blob' => str_repeat('y', 1000), 'obj' => $obj];
	add_hook('LogActivity', 1, function ($log) use (&$seen, $payload) {
		$seen[] = "log registered by {$payload['contactid']}";
	});
	add_hook('ContactAdd', 5, function ($vars) use (&$seen, $payload) {
		if ($vars['contactid'] !== $payload['contactid']) {
			$seen[] = "contact registered by {$payload['contactid']}";
		}
	});
	add_hook('LaNeverFiresEither', 1, function () use ($payload) {
	});
});
$counter = 7;
$weak = WeakReference::create($obj);
unset($obj);

$cid = la_make_client();
la_errors_start();
$first = la_call(1, 'AddContact', ['clientid' => $cid]);
$one = $first['contactid'] ?? '?';
la_is(2, $seen, ["by-value $one counter 7", "cycle $one", "log registered by $one"]);
$seen = [];
$counter = 8;
$second = la_call(3, 'AddContact', ['clientid' => $cid]);
$two = $second['contactid'] ?? '?';
la_is(4, $seen, ["by-value $two counter 8", "cycle $two", "contact registered by $one", "log registered by $one"]);
la_is(5, la_errors_take(), []);
/* the object is alive through the callbacks alone, and the bound closure wrote to it */
la_is(6, $weak->get()?->seen, ["captured $one", "bound $one", "captured $two", "bound $two"]);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: success
4: ok
5: ok
6: ok
